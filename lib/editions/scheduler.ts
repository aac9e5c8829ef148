import type { Db } from "@/lib/db/client";
import { runDueSchedules } from "./schedule-edition";

const INTERVAL_MS = 15_000;

/**
 * Runs scheduled publishes from inside the server: once at boot (an edition
 * whose time passed while the server was down is published now) and then every
 * 15 seconds. Safe with several instances (editions are claimed one by one).
 */
export function startScheduler(db: Db): void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runDueSchedules({ db });
    } catch (error) {
      console.error(`Scheduled publishing could not run: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  void tick();
  setInterval(tick, INTERVAL_MS).unref();
}
