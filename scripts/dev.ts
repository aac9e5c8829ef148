// `npm run dev`: `next dev` with hot reload behind the reader files' fast path
// (scripts/standalone-server.mjs --dev), on the same embedded PostgreSQL and
// data folder as `npm start` (or DATABASE_URL). The reader stylesheet is
// compiled once at start (restart to see a change of the reader's design).
import { generatePrismaClient } from "./lib/build";
import { fromRoot } from "./lib/project";
import { assertPortFree, readEnvOrExit, startLocalServices, superviseServer } from "./lib/local-services";
import { writeReaderStylesheet } from "./lib/reader-stylesheet";

const config = readEnvOrExit();
await assertPortFree(config.PORT);
await generatePrismaClient();
const stylesheet = fromRoot(".next", "reader.css");
const { mkdir } = await import("node:fs/promises");
await mkdir(fromRoot(".next"), { recursive: true });
await writeReaderStylesheet(stylesheet);
const services = await startLocalServices(config, { NODE_ENV: "development", READER_STYLESHEET: stylesheet, HOSTNAME: "0.0.0.0" });
superviseServer(process.execPath, [fromRoot("scripts/standalone-server.mjs"), "--dev"], services);
