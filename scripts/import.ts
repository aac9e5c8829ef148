// `npm run import -- <folder> [--publish]`: creates or updates a whole edition
// from an import folder (manifest.json + page PDFs + photos; see
// docs/EDITION-MANIFEST.md), in the same database as the app — the embedded one
// of a running `npm start`, or its own embedded one, or DATABASE_URL — and asks
// a running server to refresh its reader pages. Running it twice changes nothing.
// The dashboard's 导入整期 (/admin/editions/import) runs the same runEditionImport.
import path from "node:path";
import { createDbClient, type Db } from "../lib/db/client";
import { runningEmbeddedUrl, startEmbeddedPostgres, type EmbeddedDatabase } from "../lib/db/embedded-postgres";
import { prepareDatabase } from "../lib/db/prepare-database";
import { ManifestError } from "../lib/editions/read-manifest";
import { runEditionImport } from "../lib/editions/run-edition-import";
import { AppError } from "../lib/errors/app-error";
import { announceRevalidationsWith } from "../lib/reader/cache-tags";
import { purgeRequestFor, sendPurge } from "../lib/reader/cdn-purge";
import { announceRevalidations } from "../lib/reader/revalidation-channel";
import { storageFor } from "../lib/storage/get-storage";
import { readEnvOrExit } from "./lib/local-services";
import { commandReaderRendering } from "./lib/reader-rendering";
import { fromRoot } from "./lib/project";

const say = (line: string) => console.log(line);
const args = process.argv.slice(2);
const folder = args.find((arg) => !arg.startsWith("--"));
const publish = args.includes("--publish");
if (!folder || args.some((arg) => arg.startsWith("--") && arg !== "--publish")) {
  console.error("用法 (usage): npm run import -- <folder> [--publish]");
  process.exit(64);
}

const config = readEnvOrExit();
const dataDir = path.resolve(process.env.DATA_DIR || fromRoot(".data"));
let ownDatabase: EmbeddedDatabase | undefined;
let db: Db | undefined;
let exitCode = 0;

try {
  const url = config.DATABASE_URL ?? (await runningEmbeddedUrl(path.join(dataDir, "postgres"))) ?? (await startOwnDatabase());
  // The reader queries (lib/reader) read through the process's one client.
  process.env.DATABASE_URL = url;
  await prepareDatabase({ connectionString: url, storage: storage(), seedDemoData: config.SEED_DEMO, adminEmail: config.ADMIN_EMAIL, adminPassword: config.ADMIN_PASSWORD, log: say });
  db = createDbClient(url);
  // The reader files of what this import publishes are rendered here, as the server would (lib/reader-files).
  await commandReaderRendering(storage());

  const tags: string[] = [];
  announceRevalidationsWith((sent) => tags.push(...sent));

  // The command acts as the first admin (the import and any publishing are audited as theirs, via "command").
  const admin = await db.user.findFirst({ where: { role: "ADMIN", disabled: false }, orderBy: { createdAt: "asc" }, select: { id: true, role: true } });
  if (!admin) throw new Error("No active admin account to import as.");
  const result = await runEditionImport({ db, storage: storage(), actor: admin, folder: path.resolve(folder), publish, via: "command" });
  say(`\n导入完成 (imported): ${result.date}，${result.pages} 个版面；新建稿件 ${result.articlesCreated} 篇，更新 ${result.articlesUpdated} 篇。`);
  for (const page of result.regions) say(`  第${page.number}版 热区：找到 ${page.found}，匹配 ${page.matched}，待编辑处理 ${page.unmatched}${page.moved ? `，位置有变 ${page.moved}` : ""}`);

  if (result.problems.length) {
    say(`\n需要编辑处理 (needs an editor) — 发布前检查发现 ${result.problems.length} 个问题：`);
    for (const problem of result.problems) say(`  - ${problem["zh-CN"]}  → ${problem.href}`);
  } else {
    say("\n发布前检查通过 (pre-flight passed).");
  }

  if (result.published) {
    say(`\n已发布 (published): ${result.date}`);
  } else if (result.status === "PUBLISHED") {
    say(`\n这一期此前已发布，读者看到的是导入后的内容 (already published; readers see the imported content): ${result.date}`);
  } else if (publish) {
    say("\n未发布 (not published): 请先处理以上问题，或在后台填写原因后发布。");
    exitCode = 2;
  }
  await refreshRunningServers(db, tags);
} catch (error) {
  if (error instanceof ManifestError) {
    console.error(`\n${error.message}\n\n没有写入任何内容 (nothing was written).`);
    exitCode = 65;
  } else if (error instanceof AppError) {
    console.error(`\n${error.messageFor("zh-CN")}`);
    exitCode = 1;
  } else {
    console.error(`\n导入失败 (import failed): ${error instanceof Error ? error.message : String(error)}`);
    exitCode = 1;
  }
} finally {
  await db?.$disconnect();
  await ownDatabase?.stop();
}
process.exit(exitCode);

function storage() {
  return storageFor(config, path.join(dataDir, "storage"));
}

async function startOwnDatabase(): Promise<string> {
  say("应用未运行，启动内置数据库… (starting the embedded PostgreSQL)");
  ownDatabase = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres") });
  return ownDatabase.url;
}

/** Running servers refresh their reader pages when told through the database; without one there is nothing cached to refresh. */
async function refreshRunningServers(database: Db, tags: string[]) {
  if (tags.length === 0) return;
  await announceRevalidations(database, tags, null);
  say("已通知正在运行的服务器刷新读者页面 (running servers told to refresh the reader pages).");
  if (config.CDN_PURGE_URL) {
    const ok = await sendPurge({ url: config.CDN_PURGE_URL, secret: config.CDN_PURGE_SECRET }, await purgeRequestFor(database, tags));
    say(ok ? "已通知 CDN 清除缓存 (CDN purged)." : "CDN 清除缓存的请求未成功；CDN 上的副本将在 5 分钟内过期 (the CDN purge hook did not answer).");
  }
}
