// Tests never read the developer's .env or a DATABASE_URL pointing elsewhere:
// every database they touch is made by tests/helpers/database.ts.
delete process.env.DATABASE_URL;
process.env.NEXTAUTH_SECRET = "test-secret-test-secret-test-secret-1234";

// Outside a Next.js server there is no incremental cache: reader queries run
// uncached (the real database, every time). Revalidation is recorded.
import { vi } from "vitest";
vi.mock("next/cache", () => ({
  unstable_cache: <T extends (...args: never[]) => unknown>(load: T) => load,
  revalidateTag: vi.fn(),
}));
