import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { photoSummary, photoSummarySelect } from "./photo-summary";

/** One photo for its edit page: summary, the facts kept from EXIF, where it is used, who may be credited. */
export async function getPhoto(options: { db: Db; photoId: string }) {
  const { db, photoId } = options;
  const row = await db.photo.findUnique({
    where: { id: photoId },
    select: {
      ...photoSummarySelect,
      publicationId: true,
      photographerId: true,
      focalX: true,
      focalY: true,
      camera: true,
      asset: { select: { ...photoSummarySelect.asset.select, originalName: true, byteSize: true, mimeType: true, createdBy: { select: { name: true } } } },
      articles: { select: { article: { select: { id: true, headline: true } } }, take: 50 },
    },
  });
  if (!row) throw new AppError("NOT_FOUND");
  const people = await db.person.findMany({
    // Active people, and the current photographer even if no longer active.
    where: { publicationId: row.publicationId, OR: [{ active: true }, ...(row.photographerId ? [{ id: row.photographerId }] : [])] },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  return {
    ...photoSummary(row),
    photographerId: row.photographerId,
    focalX: row.focalX,
    focalY: row.focalY,
    camera: row.camera,
    originalName: row.asset.originalName,
    byteSize: row.asset.byteSize,
    uploaderName: row.asset.createdBy?.name ?? null,
    stories: row.articles.map((use) => use.article),
    people,
  };
}

export type PhotoDetail = Awaited<ReturnType<typeof getPhoto>>;

/** One photo as the picker and the upload API return it. */
export async function getPhotoSummary(options: { db: Db; photoId: string }) {
  const row = await options.db.photo.findUnique({ where: { id: options.photoId }, select: photoSummarySelect });
  if (!row) throw new AppError("NOT_FOUND");
  return photoSummary(row);
}
