import { REGION_HIGHLIGHT_SCRIPT } from "@/lib/reader/inline-scripts.js";

/**
 * The page view's answer to a link such as /2023-03-13/A05#region-<articleId>
 * (from search results, lib/reader/region-fragment.ts): a few lines of inline
 * script mark every region of that article on the page image and its entry in
 * the page's list (`data-highlighted`, styled in globals.css) and say which
 * article it is, taking the headline from that entry. The fragment never
 * reaches the server, so the page stays one file; without JavaScript, CSS
 * :target still outlines the article's first region.
 */
export function RegionHighlight({ message }: { message: string }) {
  return (
    <p role="status" className="region-status sr-only" data-message={message}>
      <script dangerouslySetInnerHTML={{ __html: REGION_HIGHLIGHT_SCRIPT }} />
    </p>
  );
}
