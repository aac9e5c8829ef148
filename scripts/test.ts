// `npm test`: every check CI runs, in order, stopping at the first failure.
// typecheck → lint → unit and integration tests (Vitest, on a throw-away
// embedded PostgreSQL) → end-to-end tests (Playwright in Debian's Chromium,
// against the production build on its own database and port; the attacks of
// `npm run test:security` are its last projects).
import { generatePrismaClient, run } from "./lib/build";
import { runEndToEnd } from "./lib/end-to-end";
import { fromRoot } from "./lib/project";

const started = Date.now();
const step = (name: string) => console.log(`\n▶ ${name}  (${Math.round((Date.now() - started) / 1000)} s)`);
const bin = (name: string) => fromRoot("node_modules", ".bin", name);

try {
  step("Generating the Prisma client and route types");
  await generatePrismaClient();
  await run(bin("next"), ["typegen"], { NEXT_TELEMETRY_DISABLED: "1" });

  step("Type-checking");
  await run(bin("tsc"), ["--noEmit"]);

  step("Linting");
  await run(bin("eslint"), ["--max-warnings=0", "."]);

  step("Unit and integration tests");
  await run(bin("vitest"), ["run"]);

  step("End-to-end tests (the app built, then Playwright)");
  await runEndToEnd([]);

  console.log(`\n✔ All checks passed in ${Math.round((Date.now() - started) / 1000)} s.`);
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
