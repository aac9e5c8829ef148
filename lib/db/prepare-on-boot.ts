import { env } from "@/lib/config/env";
import { startScheduler } from "@/lib/editions/scheduler";
import { sendRevalidationsOutsideRequests } from "@/lib/reader/cache-tags";
import { postRevalidations } from "@/lib/reader/remote-revalidation";
import { startRenderWorker } from "@/lib/pages/render-worker";
import { BOOT_BACKFILL_LIMIT, backfillSearchIndexInBackground } from "@/lib/search/backfill-search-index";
import { warmUpSegmenter } from "@/lib/search/segment";
import { getStorage } from "@/lib/storage/get-storage";
import { getDb } from "./client";
import { prepareDatabase } from "./prepare-database";

/** Called by instrumentation.ts; a failure stops the server with the reason. */
export async function prepareDatabaseOnBoot(): Promise<void> {
  try {
    const config = env();
    const prepared = await prepareDatabase({
      connectionString: config.DATABASE_URL!,
      storage: getStorage(),
      seedDemoData: config.SEED_DEMO,
      adminEmail: config.ADMIN_EMAIL,
      adminPassword: config.ADMIN_PASSWORD,
      log: (line) => console.log(line),
      deferSearchBackfillOver: BOOT_BACKFILL_LIMIT,
    });
    if (prepared.searchBackfillDeferred) {
      void backfillSearchIndexInBackground({ db: getDb(), connectionString: config.DATABASE_URL! });
    }
    // Page PDFs waiting for their page image, including any a restart interrupted.
    startRenderWorker({ db: getDb(), storage: getStorage() });
    startBackgroundWork(config.PORT, config.NEXTAUTH_SECRET);
    setTimeout(warmUpSegmenter, 1000).unref();
  } catch (error) {
    console.error(`\nThe database could not be prepared, so the server stops:\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

/**
 * Work the server does on its own timers. Outside a request it cannot
 * revalidate the reader cache directly, so it asks itself over HTTP.
 */
function startBackgroundWork(port: number, secret: string | undefined) {
  sendRevalidationsOutsideRequests((tags) => {
    if (!secret) return;
    void postRevalidations({ baseUrl: `http://127.0.0.1:${port}`, secret, tags }).then((ok) => {
      if (!ok) console.error(`Could not revalidate the reader cache (${tags.join(", ")}); pages refresh within 5 minutes.`);
    });
  });
  startScheduler(getDb());
}
