import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** A load balancer's health check waits about 5 s: answer well before, even when the database hangs. */
const DATABASE_CHECK_MS = 1_500;

/** Liveness and readiness for load balancers and the Docker HEALTHCHECK. */
export async function GET() {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("database check timed out")), DATABASE_CHECK_MS);
  });
  try {
    await Promise.race([getDb().$queryRaw`SELECT 1`, timedOut]);
    return Response.json({ status: "ok", database: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "error", database: "unreachable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  } finally {
    clearTimeout(timer);
  }
}
