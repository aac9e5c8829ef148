import type { Db } from "@/lib/db/client";
import type { Storage } from "@/lib/storage/storage";

/**
 * Deletes page files (PDFs, page images and their sizes) that no page, photo
 * or logo uses any more: a discarded replacement's, or one a newer upload took
 * the place of. Assets are content-addressed and shared, so each is checked
 * first. Rows go before files (a row never points at a missing file); a file
 * left behind by a failed delete is only unused space.
 */
export async function removeUnusedPageAssets(options: { db: Db; storage: Storage; assetIds: string[]; log?: (line: string) => void }): Promise<number> {
  const { db, storage } = options;
  const unused = await db.asset.findMany({
    where: {
      id: { in: [...new Set(options.assetIds)] },
      kind: { in: ["PAGE_PDF", "PAGE_IMAGE"] },
      pagesAsPdf: { none: {} },
      pagesAsImage: { none: {} },
      pagesAsPending: { none: {} },
      pagesAsReplacementPdf: { none: {} },
      pagesAsReplacementImage: { none: {} },
      photo: null,
      publicationLogos: { none: {} },
    },
    select: { id: true, storageKey: true, derivatives: { select: { storageKey: true } } },
  });
  if (unused.length === 0) return 0;
  await db.asset.deleteMany({ where: { id: { in: unused.map((asset) => asset.id) } } });
  for (const key of unused.flatMap((asset) => [asset.storageKey, ...asset.derivatives.map((derivative) => derivative.storageKey)])) {
    await storage.delete(key).catch((error: unknown) => options.log?.(`Could not delete ${key}: ${error instanceof Error ? error.message : String(error)}`));
  }
  return unused.length;
}
