// A page view URL can point at one article's region: /2023-03-13/A05#region-<articleId>
// (search results link there). The fragment never reaches the server, so the
// page view stays one cached page; the region is outlined by CSS (:target) and
// by components/reader/region-highlight.tsx's inline script, which also marks
// the article's other regions and its entry in the page's list.

const PREFIX = "region-";

/** The element id (and URL fragment, without "#") of an article's first region on a page. */
export function regionFragment(articleId: string): string {
  return `${PREFIX}${articleId}`;
}
