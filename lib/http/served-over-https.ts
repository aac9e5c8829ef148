import type { IncomingHttpHeaders } from "node:http";
import type { BlockList } from "node:net";
import { peerIsTrusted } from "./client-address";

/**
 * Whether the browser reached the site over https, for HSTS: the site's own
 * address (NEXTAUTH_URL) is https, or a trusted proxy (TRUSTED_PROXIES) says
 * so in X-Forwarded-Proto. A client's own X-Forwarded-Proto is ignored: HSTS
 * over plain http does nothing, but the header should not be a client's
 * choice. The first X-Forwarded-Proto entry is the scheme the outermost proxy saw.
 */
export function servedOverHttps(headers: Pick<Headers, "get">, options: { siteUrl: string | undefined; trustedProxies: BlockList }): boolean {
  if (options.siteUrl?.startsWith("https:")) return true;
  if (!peerIsTrusted(headers, options.trustedProxies)) return false;
  return (headers.get("x-forwarded-proto") ?? "").split(",")[0]!.trim().toLowerCase() === "https";
}

/** A Node request's headers as servedOverHttps reads them. */
export function nodeHeaders(headers: IncomingHttpHeaders): Pick<Headers, "get"> {
  return {
    get(name) {
      const value = headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(", ") : (value ?? null);
    },
  };
}
