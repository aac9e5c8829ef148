// `npm run dev`: `next dev` with hot reload, on the same embedded PostgreSQL
// and data folder as `npm start` (or DATABASE_URL).
import { generatePrismaClient } from "./lib/build";
import { fromRoot } from "./lib/project";
import { assertPortFree, readEnvOrExit, startLocalServices, superviseServer } from "./lib/local-services";

const config = readEnvOrExit();
await assertPortFree(config.PORT);
await generatePrismaClient();
const services = await startLocalServices(config, { NODE_ENV: "development" });
superviseServer(process.execPath, [fromRoot("node_modules/next/dist/bin/next"), "dev", "--port", String(config.PORT)], services);
