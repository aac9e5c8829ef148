import type { Db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import { checkImageSize, inDecodeQueue } from "@/lib/media/decode-limits";
import { removeUnusedAssets } from "@/lib/media/remove-unused-assets";
import { storeAsset } from "@/lib/media/store-asset";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import type { Storage } from "@/lib/storage/storage";
import { convertHeicToJpeg } from "./convert-heic";
import { detectPhotoType } from "./detect-photo-type";
import { makePhotoMaster } from "./make-photo-master";
import { emptyFile, fileTooLarge, MAX_PHOTO_BYTES } from "./photo-errors";
import { readExif } from "./read-exif";
import { readLimited } from "./read-limited";
import { cleanFileName } from "@/lib/http/upload-headers";
import { findDefaultPublication } from "@/lib/publications/default-publication";

export interface UploadPhotoResult {
  photoId: string;
  /** The same bytes were uploaded before: the existing photo is returned. */
  duplicate: boolean;
}

/**
 * Adds one photo to the library. In order, and before anything is stored:
 * permission, size (declared, then counted while reading), type from the bytes,
 * HEIC → JPEG, EXIF facts, a full decode into a metadata-free master. Then the
 * master and its WebP derivatives are stored (lib/media/store-asset) and the
 * photo row is written with its audit entry.
 */
export async function uploadPhoto(options: {
  db: Db;
  storage: Storage;
  actor: Actor;
  body: ReadableStream<Uint8Array>;
  /** Content-Length, when the client sent one: a larger file is refused unread. */
  declaredSize?: number | null;
  originalName?: string | null;
  publicationId?: string;
  limit?: number;
}): Promise<UploadPhotoResult> {
  const { db, actor } = options;
  const limit = options.limit ?? MAX_PHOTO_BYTES;
  await assertCan({ db, actor, action: "photo.upload", entityType: "photo" });
  if (options.declaredSize != null && options.declaredSize > limit) {
    await options.body.cancel().catch(() => {});
    throw fileTooLarge();
  }
  const original = await readLimited(options.body, limit);
  if (original.length === 0) throw emptyFile();

  const type = await detectPhotoType(original);
  await checkImageSize(original);
  const exif = await readExif(original);
  const publicationId = options.publicationId ?? (await defaultPublicationId(db));
  const credit = exif.artist ? { credit: `${exif.artist} 摄`, personId: null } : await uploaderCredit(db, actor);
  const originalName = cleanFileName(options.originalName);
  // Two uploads of the same file at once race for the same storage key; the loser finds the winner's row.
  const { assetId, storedType } = await inDecodeQueue(async () => {
    const decodable = type === "image/heic" ? await convertHeicToJpeg(original) : original;
    const master = await makePhotoMaster(decodable, type === "image/heic" ? "image/jpeg" : type);
    const id = await storeAsset({ db, storage: options.storage, actorId: actor.id, data: master.data, mimeType: master.mimeType, kind: "PHOTO", originalName: originalName ?? undefined });
    return { assetId: id, storedType: master.mimeType };
  });

  // The same file uploaded twice at once: both make the photo row, one wins; the other, retried, finds it.
  const record = () => recordPhoto({ db, actor, assetId, publicationId, credit, exif, originalName, type, storedType, bytes: original.length });
  try {
    return await record().catch((error: unknown) => (isUniqueViolation(error) ? record() : Promise.reject(error)));
  } catch (error) {
    await removeUnusedAssets({ db, storage: options.storage, assetIds: [assetId] }).catch(() => {});
    throw error;
  }
}

async function recordPhoto(options: {
  db: Db;
  actor: Actor;
  assetId: string;
  publicationId: string;
  credit: { credit: string; personId: string | null } | null;
  exif: Awaited<ReturnType<typeof readExif>>;
  originalName: string | null;
  type: string;
  storedType: string;
  bytes: number;
}): Promise<UploadPhotoResult> {
  const { db, actor, assetId, publicationId, credit, exif, originalName, type } = options;
  return db.$transaction(async (tx) => {
    const existing = await tx.photo.findUnique({ where: { assetId }, select: { id: true } });
    const photo =
      existing ??
      (await tx.photo.create({
        data: {
          publicationId,
          assetId,
          credit: credit?.credit ?? null,
          photographerId: credit?.personId ?? null,
          takenAt: exif.takenAt,
          camera: exif.camera,
        },
        select: { id: true },
      }));
    await tx.auditLog.create({
      data: {
        actorId: actor.id,
        action: "photo.upload",
        entityType: "photo",
        entityId: photo.id,
        data: { assetId, originalName, detectedType: type, storedType: options.storedType, bytes: options.bytes, duplicate: Boolean(existing) },
      },
    });
    return { photoId: photo.id, duplicate: Boolean(existing) };
  });
}

async function defaultPublicationId(db: Db): Promise<string> {
  const publication = await findDefaultPublication(db);
  if (!publication) throw new AppError("INVALID_STATE", { "zh-CN": "还没有报纸（刊物），不能上传图片。", en: "There is no publication yet to add photos to." });
  return publication.id;
}

/** Without an EXIF Artist, a photographer's own upload is credited to them ("<name> 摄"). */
async function uploaderCredit(db: Db, actor: Actor): Promise<{ credit: string; personId: string } | null> {
  if (actor.role !== "PHOTOGRAPHER") return null;
  const person = await db.person.findUnique({ where: { userId: actor.id }, select: { id: true, name: true } });
  return person ? { credit: `${person.name} 摄`, personId: person.id } : null;
}

