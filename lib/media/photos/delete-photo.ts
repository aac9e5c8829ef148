import type { Db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import type { Storage } from "@/lib/storage/storage";

/**
 * Deletes a photo, its asset and files. A photo used by a story is refused:
 * the story would lose it silently (remove it from the stories first).
 * Rows go in one transaction; files are removed after it commits.
 */
export async function deletePhoto(options: { db: Db; storage: Storage; actor: Actor; photoId: string }) {
  const { db, storage, actor, photoId } = options;
  await assertCan({ db, actor, action: "photo.delete", entityType: "photo", entityId: photoId });

  const keys = await db.$transaction(async (tx) => {
    const photo = await tx.photo.findUnique({
      where: { id: photoId },
      select: { assetId: true, caption: true, asset: { select: { storageKey: true, originalName: true, derivatives: { select: { storageKey: true } } } }, _count: { select: { articles: true } } },
    });
    if (!photo) throw new AppError("NOT_FOUND");
    const uses = photo._count.articles;
    if (uses > 0) {
      throw new AppError("INVALID_STATE", {
        "zh-CN": `这张图片已用于 ${uses} 篇稿件，不能删除。请先从稿件中移除。`,
        en: `This photo is used in ${uses} ${uses === 1 ? "story" : "stories"} and cannot be deleted. Remove it from them first.`,
      });
    }
    await tx.photo.delete({ where: { id: photoId } });
    // Other rows may point at the same asset (a page image never does for a photo, but be safe).
    const stillUsed = await tx.asset.count({ where: { id: photo.assetId, OR: [{ pagesAsImage: { some: {} } }, { pagesAsPdf: { some: {} } }, { publicationLogos: { some: {} } }] } });
    if (!stillUsed) await tx.asset.delete({ where: { id: photo.assetId } });
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "photo.delete", entityType: "photo", entityId: photoId, data: { assetId: photo.assetId, caption: photo.caption, originalName: photo.asset.originalName } },
    });
    return stillUsed ? [] : [photo.asset.storageKey, ...photo.asset.derivatives.map((derivative) => derivative.storageKey)];
  });
  // A missing file is not an error here; a failing store leaves an orphan file, never a broken row.
  await Promise.all(keys.map((key) => storage.delete(key).catch(() => {})));
}
