import type { Db } from "@/lib/db/client";
import type { Storage } from "@/lib/storage/storage";

/**
 * Removes the assets a failed operation stored that nothing came to use (no
 * photo, page, waiting replacement or logo points at them): their rows, then
 * their files. Assets are stored before the transaction that uses them, so a
 * refused or failed import or upload calls this to leave nothing behind; a
 * discarded or superseded page replacement too. Assets are content-addressed
 * and shared, hence the check.
 */
export async function removeUnusedAssets(options: { db: Db; storage: Storage; assetIds: Iterable<string> }): Promise<void> {
  const ids = [...new Set(options.assetIds)];
  if (ids.length === 0) return;
  const keys = await options.db.$transaction(async (tx) => {
    const unused = await tx.asset.findMany({
      where: {
        id: { in: ids },
        photo: null,
        pagesAsPdf: { none: {} },
        pagesAsImage: { none: {} },
        pagesAsPending: { none: {} },
        pagesAsReplacementPdf: { none: {} },
        pagesAsReplacementImage: { none: {} },
        publicationLogos: { none: {} },
      },
      select: { id: true, storageKey: true, derivatives: { select: { storageKey: true } } },
    });
    await tx.asset.deleteMany({ where: { id: { in: unused.map((asset) => asset.id) } } });
    return unused.flatMap((asset) => [asset.storageKey, ...asset.derivatives.map((derivative) => derivative.storageKey)]);
  });
  // A file that cannot be removed now is an orphan file, never a row pointing at nothing.
  await Promise.all(keys.map((key) => options.storage.delete(key).catch(() => {})));
}
