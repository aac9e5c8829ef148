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

// The id must be a UUID (region-fragment.ts) before it goes into a selector.
const REGION_HIGHLIGHT_SCRIPT = `(function(){var p=document.currentScript.parentNode,on=[];function show(){on.forEach(function(e){delete e.dataset.highlighted});on=[];var m=/^#region-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(location.hash),id=m&&m[1].toLowerCase(),entry=id&&document.querySelector('.article-entry[data-article-id="'+id+'"]');if(entry){on=Array.prototype.slice.call(document.querySelectorAll('[data-article-id="'+id+'"]'));on.forEach(function(e){e.dataset.highlighted="true"})}p.textContent=entry?p.dataset.message.replace("{headline}",entry.textContent):"";p.className=entry?"region-status mb-2 rounded border-l-4 border-brand bg-white px-3 py-2 text-sm print:hidden":"region-status sr-only"}addEventListener("hashchange",show);if(document.readyState==="loading")addEventListener("DOMContentLoaded",show);else show()})()`;
