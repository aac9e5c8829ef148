// `npm run render -- --all`: renders every reader page of every publication
// again (lib/reader-files), with a progress bar: after restoring a backup,
// moving to a new store, or to see a change of the reader's design at once.
// A running server serves the new files as soon as they are written.
import path from "node:path";
import { runningEmbeddedUrl, startEmbeddedPostgres, type EmbeddedDatabase } from "../lib/db/embedded-postgres";
import { getDb } from "../lib/db/client";
import { renderAllReaderFiles } from "../lib/reader-files/render-reader-files";
import { announceRevalidations } from "../lib/reader/revalidation-channel";
import { cacheTags } from "../lib/reader/cache-tags";
import { storageFor } from "../lib/storage/get-storage";
import { readEnvOrExit } from "./lib/local-services";
import { fromRoot } from "./lib/project";
import { commandReaderRendering } from "./lib/reader-rendering";

if (process.argv.slice(2).join(" ") !== "--all") {
  console.error("用法 (usage): npm run render -- --all");
  process.exit(64);
}
const config = readEnvOrExit();
const dataDir = path.resolve(process.env.DATA_DIR || fromRoot(".data"));
let ownDatabase: EmbeddedDatabase | undefined;
let exitCode = 0;
try {
  let url = config.DATABASE_URL ?? (await runningEmbeddedUrl(path.join(dataDir, "postgres")));
  if (!url) {
    ownDatabase = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres") });
    url = ownDatabase.url;
  }
  process.env.DATABASE_URL = url;
  const rendering = await commandReaderRendering(storageFor(config, path.join(dataDir, "storage")));
  const started = Date.now();
  const bar = (done: number, total: number, label: string) => {
    const width = 30;
    const filled = total ? Math.round((done / total) * width) : width;
    process.stderr.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${label}`.padEnd(90));
  };
  await renderAllReaderFiles(rendering, ({ done, total, label }) => bar(done, total, label));
  process.stderr.write("\n");
  console.log(`已重新生成全部读者页面 (every reader page rendered) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  // Running servers read the route tables again.
  const publications = await getDb().publication.findMany({ select: { id: true } });
  await announceRevalidations(getDb(), [cacheTags.publications, ...publications.map((publication) => cacheTags.publication(publication.id))], null).catch(() => {});
} catch (error) {
  console.error(`\n生成失败 (rendering failed): ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await getDb().$disconnect().catch(() => {});
  await ownDatabase?.stop();
}
process.exit(exitCode);
