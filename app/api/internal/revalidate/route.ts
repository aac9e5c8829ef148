import { z } from "zod";
import { env } from "@/lib/config/env";
import { expireTags, isCacheTag } from "@/lib/reader/cache-tags";
import { isRevalidationToken } from "@/lib/reader/remote-revalidation";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ tags: z.array(z.string().max(100).refine(isCacheTag)).min(1).max(200) });

/**
 * Revalidates reader cache tags for work done outside a request: the import
 * command and the publishing scheduler. Only callers holding the server's
 * session secret (as an HMAC token) are heard.
 */
export async function POST(request: Request) {
  const secret = env().NEXTAUTH_SECRET;
  const token = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? null;
  if (!secret || !isRevalidationToken(secret, token)) return Response.json({ error: "forbidden" }, { status: 403 });
  const body = bodySchema.safeParse(await request.json().catch(() => null));
  if (!body.success) return Response.json({ error: "invalid tags" }, { status: 400 });
  expireTags(body.data.tags);
  return new Response(null, { status: 204 });
}
