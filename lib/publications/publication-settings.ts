import type { Db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";

/** The fields of a publication an admin edits: its name and the reader footer. */
export const publicationSettingFields = [
  "name",
  "footerCopyright",
  "footerPublisher",
  "footerMaintainer",
  "footerPhone",
  "footerIcp",
  "footerLicense",
] as const;

export type PublicationSettingField = (typeof publicationSettingFields)[number];
export type PublicationSettings = { name: string } & Record<Exclude<PublicationSettingField, "name">, string | null>;

export const PUBLICATION_NAME_MAX_LENGTH = 100;
export const FOOTER_FIELD_MAX_LENGTH = 300;

/** Every publication with its settings, for the settings page. */
export async function listPublicationSettings(options: { db: Db; actor: Actor }) {
  const { db, actor } = options;
  await assertCan({ db, actor, action: "publication.manage", entityType: "publication" });
  return db.publication.findMany({
    select: {
      id: true,
      slug: true,
      isDefault: true,
      name: true,
      footerCopyright: true,
      footerPublisher: true,
      footerMaintainer: true,
      footerPhone: true,
      footerIcp: true,
      footerLicense: true,
    } satisfies Record<PublicationSettingField, true> & Record<string, true>,
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
  });
}
