// A page view URL can point at one article's region: /2023-03-13/A05#region-<articleId>
// (search results link there). The fragment never reaches the server, so the
// page view stays one cached page; the region is outlined by CSS (:target) and
// by components/reader/region-highlight.tsx, which also marks the article's
// other regions and its entry in the page's list. No server imports: the client
// component uses this module.

const PREFIX = "region-";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The element id (and URL fragment, without "#") of an article's first region on a page. */
export function regionFragment(articleId: string): string {
  return `${PREFIX}${articleId}`;
}

/** The article a URL fragment ("#region-<id>" or "region-<id>") points at, or null. */
export function articleIdFromFragment(hash: string): string | null {
  const fragment = hash.startsWith("#") ? hash.slice(1) : hash;
  if (!fragment.startsWith(PREFIX)) return null;
  let id: string;
  try {
    id = decodeURIComponent(fragment.slice(PREFIX.length));
  } catch {
    return null;
  }
  return UUID.test(id) ? id.toLowerCase() : null;
}
