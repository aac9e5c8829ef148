import { env } from "@/lib/config/env";
import { getStorage } from "@/lib/storage/get-storage";
import { prepareDatabase } from "./prepare-database";

/** Called by instrumentation.ts; a failure stops the server with the reason. */
export async function prepareDatabaseOnBoot(): Promise<void> {
  try {
    const config = env();
    await prepareDatabase({
      connectionString: config.DATABASE_URL!,
      storage: getStorage(),
      seedDemoData: config.SEED_DEMO,
      adminEmail: config.ADMIN_EMAIL,
      adminPassword: config.ADMIN_PASSWORD,
      log: (line) => console.log(line),
    });
  } catch (error) {
    console.error(`\nThe database could not be prepared, so the server stops:\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
