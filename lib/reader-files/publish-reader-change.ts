import { revalidateArticle, revalidateEdition, revalidatePublications } from "@/lib/reader/cache-tags";
import { readerChangeRenderer, readerFileServer } from "./reader-files-registry";
import type { ReaderChange } from "./render-reader-files";

/**
 * After a publish, correction, withdrawal or settings change has committed:
 * re-renders the reader files it affects (awaited, so the editor's "done"
 * means readers see it), then expires what Next still caches (feeds,
 * sitemaps, search filters) and tells the other instances and the CDN
 * (lib/reader/cache-tags.ts). A process without a renderer (unit tests)
 * only does the second part.
 */
export async function publishReaderChange(change: ReaderChange): Promise<void> {
  const renderChange = readerChangeRenderer();
  if (renderChange) {
    try {
      await renderChange(change);
    } catch (error) {
      // The change is committed; its files follow at the next change, or with `npm run render -- --all`.
      console.error(`Could not render the reader files (${JSON.stringify(change)}): ${error instanceof Error ? error.message : String(error)}`);
    }
    readerFileServer()?.forget();
  }
  if (change.kind === "edition") revalidateEdition(change.publicationId, change.date);
  else if (change.kind === "article") revalidateArticle(change.articleId);
  else revalidatePublications();
}
