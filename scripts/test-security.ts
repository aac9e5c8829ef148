// `npm run test:security`: the attacks of e2e/security alone (npm test runs
// them too, last): brute force against sign-in, replayed cookies, unpublished
// files, cross-site requests, a fuzz of malformed requests across every route
// and server action, parallel uploads and a pixel flood. Each prints its figures.
import { generatePrismaClient } from "./lib/build";
import { runEndToEnd } from "./lib/end-to-end";

try {
  await generatePrismaClient();
  await runEndToEnd(["--project", "security-sign-in"], { E2E_SECURITY_ONLY: "1" });
  console.log("\n✔ The attacks were all refused.");
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
