import { SCRIPT_PARAM, isScript, type Script } from "./script";

// Reader URLs are short and stable (/2023-03-13/A05/4); a second publication
// has its own prefix (/p/{slug}/2023-03-13/A05). Internally every reader page
// lives under /{script}/{publication}/…, where "_" is the default publication,
// so each script of each page is cached as its own page. proxy.ts rewrites.

export const DEFAULT_PUBLICATION_PARAM = "_";

/** Paths that are not reader pages: the dashboard, APIs, files, feeds, Next's own. */
const NOT_READER = /^\/(admin|api|_next|media|feed\.xml|feeds|sitemap|sitemaps|news-sitemap\.xml|robots\.txt|favicon\.ico|icon|apple-icon)(\/|$|\.|-)/;

export type ReaderRouting =
  | { kind: "pass" }
  | { kind: "redirect"; location: string; script: Script }
  | { kind: "rewrite"; pathname: string };

/**
 * Decides what to do with a request: leave it alone, rewrite it to the internal
 * reader tree for the reader's script, or (for ?script=hant links) remember the
 * choice and redirect to the clean URL.
 */
export function routeReaderRequest(url: URL, cookieScript: string | undefined): ReaderRouting {
  const { pathname } = url;
  if (NOT_READER.test(pathname)) return { kind: "pass" };

  const requested = url.searchParams.get(SCRIPT_PARAM);
  if (isScript(requested)) {
    const clean = new URL(url);
    clean.searchParams.delete(SCRIPT_PARAM);
    return { kind: "redirect", location: clean.pathname + clean.search, script: requested };
  }

  const script: Script = isScript(cookieScript) ? cookieScript : "hans";
  const prefixed = /^\/p\/([^/]+)(\/.*)?$/.exec(pathname);
  const publication = prefixed ? prefixed[1]! : DEFAULT_PUBLICATION_PARAM;
  const rest = prefixed ? (prefixed[2] ?? "") : pathname === "/" ? "" : pathname;
  return { kind: "rewrite", pathname: `/${script}/${encodeURIComponent(decodeURIComponent(publication))}${rest.replace(/\/$/, "")}` };
}
