// `npm run generate`: the Prisma client, offline (see scripts/lib/build.ts).
import { generatePrismaClient } from "./lib/build";

await generatePrismaClient();
