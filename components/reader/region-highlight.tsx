"use client";

import { useEffect, useSyncExternalStore } from "react";
import { articleIdFromFragment } from "@/lib/reader/region-fragment";

function subscribe(listener: () => void) {
  window.addEventListener("hashchange", listener);
  return () => window.removeEventListener("hashchange", listener);
}

const currentHash = () => window.location.hash;

/**
 * The page view's answer to a link such as /2023-03-13/A05#region-<articleId>
 * (from search results): marks every region of that article on the page image
 * and its entry in the page's list (`data-highlighted`, styled in globals.css)
 * and says which article it is. The fragment never reaches the server, so the
 * page stays one cached page; without JavaScript, CSS :target still outlines
 * the article's first region.
 */
export function RegionHighlight({ headlines, message }: { headlines: Record<string, string>; message: string }) {
  const articleId = articleIdFromFragment(useSyncExternalStore(subscribe, currentHash, () => ""));
  const headline = articleId ? headlines[articleId] : undefined;

  useEffect(() => {
    if (!articleId || !headline) return;
    // articleId is a validated UUID: safe inside the selector.
    const marked = document.querySelectorAll<HTMLElement>(`[data-article-id="${articleId}"]`);
    marked.forEach((element) => (element.dataset.highlighted = "true"));
    return () => marked.forEach((element) => delete element.dataset.highlighted);
  }, [articleId, headline]);

  return (
    <p role="status" className={headline ? "mb-2 rounded border-l-4 border-brand bg-white px-3 py-2 text-sm print:hidden" : "sr-only"}>
      {headline ? message.replace("{headline}", headline) : ""}
    </p>
  );
}
