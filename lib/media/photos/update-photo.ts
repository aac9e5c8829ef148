import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import { publishReaderChange } from "@/lib/reader-files/publish-reader-change";
import { reindexArticles } from "@/lib/search/index-article";
import { assertCanEditPhoto } from "./photo-permissions";
import { photoMetadataSchema, type PhotoMetadataInput } from "./photo-schema";

/**
 * Changes a photo's words (图片说明, 署名, 替代文字), photographer or focal
 * point. Fields left undefined stay as they are; null or "" clears them. The
 * uploader may edit with photo.editOwn, anyone else needs photo.editAny.
 */
export async function updatePhoto(options: { db: Db; actor: Actor; photoId: string; changes: PhotoMetadataInput }) {
  const { db, actor, photoId } = options;
  const photo = await db.photo.findUnique({ where: { id: photoId }, select: { id: true, publicationId: true, asset: { select: { createdById: true } } } });
  if (!photo) throw new AppError("NOT_FOUND");
  await assertCanEditPhoto({ db, actor, photoId, uploaderId: photo.asset.createdById });

  const parsed = photoMetadataSchema.safeParse(options.changes);
  if (!parsed.success) throw invalidField(parsed.error.issues[0]?.path[0]);
  const changes = parsed.data;
  // A focal point is both coordinates or none.
  if ((changes.focalX === undefined) !== (changes.focalY === undefined) || (changes.focalX === null) !== (changes.focalY === null)) {
    throw new AppError("INVALID_INPUT", { "zh-CN": "焦点需要同时填写横向和纵向位置。", en: "Give both the horizontal and the vertical focal point." });
  }
  if (changes.photographerId) {
    const person = await db.person.findFirst({ where: { id: changes.photographerId, publicationId: photo.publicationId }, select: { id: true } });
    if (!person) throw invalidField("photographerId");
  }

  const updated = await db.$transaction(async (tx) => {
    const updated = await tx.photo.update({ where: { id: photoId }, data: changes });
    // Captions and credits are searchable text of every story that shows the photo.
    const uses = await tx.articlePhoto.findMany({ where: { photoId }, select: { articleId: true } });
    await reindexArticles(tx, uses.map((use) => use.articleId));
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "photo.update", entityType: "photo", entityId: photoId, data: { changed: Object.keys(changes).filter((key) => changes[key as keyof typeof changes] !== undefined) } },
    });
    return updated;
  });
  // Published stories show the library's caption, credit and alt text: refresh them for readers.
  const published = await db.articlePhoto.findMany({ where: { photoId, article: { status: "PUBLISHED" } }, select: { articleId: true } });
  for (const { articleId } of published) await publishReaderChange({ kind: "article", articleId });
  return updated;
}

/** For the story editor: a photo's caption, credit and alt text, with the same permission rules. */
export function updatePhotoMetadata(options: { db: Db; actor: Actor; photoId: string; caption?: string | null; credit?: string | null; altText?: string | null }) {
  const { caption, credit, altText } = options;
  return updatePhoto({ db: options.db, actor: options.actor, photoId: options.photoId, changes: { caption, credit, altText } });
}

const FIELD_NAMES: Record<string, { "zh-CN": string; en: string }> = {
  caption: { "zh-CN": "图片说明", en: "caption" },
  credit: { "zh-CN": "署名", en: "credit" },
  altText: { "zh-CN": "替代文字", en: "alt text" },
  photographerId: { "zh-CN": "摄影者", en: "photographer" },
  focalX: { "zh-CN": "焦点横向位置", en: "focal point (horizontal)" },
  focalY: { "zh-CN": "焦点纵向位置", en: "focal point (vertical)" },
};

function invalidField(field: PropertyKey | undefined): AppError {
  const name = FIELD_NAMES[String(field)];
  if (!name) return new AppError("INVALID_INPUT");
  return new AppError("INVALID_INPUT", { "zh-CN": `${name["zh-CN"]}有误（过长或不在允许范围内）。`, en: `The ${name.en} is not valid (too long or out of range).` });
}
