import { createHmac, timingSafeEqual } from "node:crypto";

// Asking a running server to revalidate reader cache tags, from outside a
// request: the scheduler's timer (same process) or the import command (another
// process). The token is derived from the session secret both sides share.

export function revalidationToken(secret: string): string {
  return createHmac("sha256", secret).update("newsroom:revalidate").digest("base64url");
}

export function isRevalidationToken(secret: string, presented: string | null): boolean {
  if (!presented) return false;
  const expected = Buffer.from(revalidationToken(secret));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** POSTs the tags to the server at `baseUrl`; resolves false when it cannot be reached. */
export async function postRevalidations(options: { baseUrl: string; secret: string; tags: string[] }): Promise<boolean> {
  if (options.tags.length === 0) return true;
  try {
    const response = await fetch(new URL("/api/internal/revalidate", options.baseUrl), {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${revalidationToken(options.secret)}` },
      body: JSON.stringify({ tags: [...new Set(options.tags)] }),
      signal: AbortSignal.timeout(10_000),
    });
    return response.ok;
  } catch {
    return false;
  }
}
