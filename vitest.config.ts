import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit tests sit beside the code (*.test.ts); integration tests run against a
// real PostgreSQL that tests/global-setup.ts starts for the run and throws away.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "tests/**/*.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    setupFiles: ["tests/setup-env.ts"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
