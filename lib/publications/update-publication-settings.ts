import type { Db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import { publishReaderChange } from "@/lib/reader-files/publish-reader-change";
import { assertId } from "@/lib/validation/id";
import {
  FOOTER_FIELD_MAX_LENGTH,
  PUBLICATION_NAME_MAX_LENGTH,
  publicationSettingFields,
  type PublicationSettingField,
  type PublicationSettings,
} from "./publication-settings";

/**
 * Changes a publication's name and footer. The footer is on every reader page,
 * so the reader's publication cache is revalidated after the commit.
 */
export async function updatePublicationSettings(options: {
  db: Db;
  actor: Actor;
  publicationId: string;
  settings: { name: string } & Partial<Record<Exclude<PublicationSettingField, "name">, string | null>>;
}) {
  const { db, actor, publicationId } = options;
  await assertCan({ db, actor, action: "publication.manage", entityType: "publication", entityId: publicationId });
  assertId(publicationId);
  const next = checkSettings(options.settings);

  const result = await db.$transaction(async (tx) => {
    const current = await tx.publication.findUnique({ where: { id: publicationId } });
    if (!current) throw new AppError("NOT_FOUND");
    const changes: Partial<Record<PublicationSettingField, { from: string | null; to: string | null }>> = {};
    for (const field of publicationSettingFields) {
      if (current[field] !== next[field]) changes[field] = { from: current[field], to: next[field] };
    }
    if (Object.keys(changes).length === 0) return { publication: current, changed: false };
    const publication = await tx.publication.update({ where: { id: publicationId }, data: next });
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "publication.update", entityType: "publication", entityId: publicationId, data: { name: publication.name, changes } },
    });
    return { publication, changed: true };
  });
  if (result.changed) await publishReaderChange({ kind: "publications" });
  return result;
}

/** Trims every field; an empty footer field is left out of the footer (null). */
function checkSettings(settings: { name: string } & Partial<Record<string, string | null>>): PublicationSettings {
  const name = settings.name.trim();
  if (!name) throw new AppError("INVALID_INPUT", { "zh-CN": "请填写报纸名称。", en: "Enter the publication's name." });
  if (name.length > PUBLICATION_NAME_MAX_LENGTH) {
    throw new AppError("INVALID_INPUT", {
      "zh-CN": `报纸名称不能超过 ${PUBLICATION_NAME_MAX_LENGTH} 个字。`,
      en: `The name can have at most ${PUBLICATION_NAME_MAX_LENGTH} characters.`,
    });
  }
  const result = { name } as PublicationSettings;
  for (const field of publicationSettingFields) {
    if (field === "name") continue;
    const value = settings[field]?.trim() ?? "";
    if (value.length > FOOTER_FIELD_MAX_LENGTH) {
      throw new AppError("INVALID_INPUT", {
        "zh-CN": `页脚每项不能超过 ${FOOTER_FIELD_MAX_LENGTH} 个字。`,
        en: `Each footer field can have at most ${FOOTER_FIELD_MAX_LENGTH} characters.`,
      });
    }
    result[field] = value || null;
  }
  return result;
}
