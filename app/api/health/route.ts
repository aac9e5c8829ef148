import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** Liveness and readiness for load balancers and the Docker HEALTHCHECK. */
export async function GET() {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "error", database: "unreachable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
