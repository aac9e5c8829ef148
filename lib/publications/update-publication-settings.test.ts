import { revalidateTag } from "next/cache";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { cacheTags } from "@/lib/reader/cache-tags";
import { findReaderPublication } from "@/lib/reader/find-reader-publication";
import { createMigratedDatabase } from "@/tests/helpers/database";
import { listPublicationSettings } from "./publication-settings";
import { updatePublicationSettings } from "./update-publication-settings";

let db: Db;
const admin: Actor = { id: "", role: "ADMIN" };
let publicationId: string;

beforeAll(async () => {
  const created = await createMigratedDatabase();
  db = created.db;
  process.env.DATABASE_URL = created.url;
  admin.id = (await db.user.create({ data: { email: "chief@x.test", name: "总编", role: "ADMIN", passwordHash: "x" } })).id;
  publicationId = (await db.publication.create({ data: { slug: "jmrb", name: "江门日报", isDefault: true, footerPhone: "0750-1" } })).id;
});

beforeEach(() => vi.mocked(revalidateTag).mockClear());

describe("publication settings", () => {
  it("saves the footer as typed (full-width punctuation kept), empties as none, audits, and updates the reader footer", async () => {
    const copyright = "江门日报社版权所有，未经书面授权不得转载（含摘编）。";
    await updatePublicationSettings({
      db,
      actor: admin,
      publicationId,
      settings: { name: " 江门日报 ", footerCopyright: copyright, footerPublisher: "江门日报社", footerPhone: "  ", footerIcp: "粤ICP备00000000号" },
    });
    const reader = await findReaderPublication("_");
    expect(reader?.footer).toEqual({ copyright, publisher: "江门日报社", maintainer: null, phone: null, icp: "粤ICP备00000000号", license: null });
    expect(revalidateTag).toHaveBeenCalledWith(cacheTags.publications, { expire: 0 });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "publication.update", entityId: publicationId } });
    expect(audit.data).toEqual({
      name: "江门日报",
      changes: {
        footerCopyright: { from: null, to: copyright },
        footerPublisher: { from: null, to: "江门日报社" },
        footerPhone: { from: "0750-1", to: null },
        footerIcp: { from: null, to: "粤ICP备00000000号" },
      },
    });
    const [listed] = await listPublicationSettings({ db, actor: admin });
    expect(listed).toMatchObject({ id: publicationId, name: "江门日报", footerCopyright: copyright });
  });

  it("saving the same values changes nothing: no audit row, no revalidation", async () => {
    const [current] = await listPublicationSettings({ db, actor: admin });
    const before = await db.auditLog.count();
    const result = await updatePublicationSettings({ db, actor: admin, publicationId, settings: current! });
    expect(result.changed).toBe(false);
    expect(await db.auditLog.count()).toBe(before);
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it("refuses an empty name or an overlong field with a clear message, changing nothing", async () => {
    const before = JSON.stringify(await db.publication.findMany());
    for (const settings of [{ name: "  " }, { name: "江门日报", footerLicense: "证".repeat(301) }]) {
      const error = (await updatePublicationSettings({ db, actor: admin, publicationId, settings }).catch((caught: unknown) => caught)) as AppError;
      expect(error).toBeInstanceOf(AppError);
      expect(error.code).toBe("INVALID_INPUT");
    }
    const error = (await updatePublicationSettings({ db, actor: admin, publicationId, settings: { name: "" } }).catch((caught: unknown) => caught)) as AppError;
    expect(error.messageFor("zh-CN")).toBe("请填写报纸名称。");
    expect(JSON.stringify(await db.publication.findMany())).toBe(before);
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it("of an unknown publication is NOT_FOUND", async () => {
    const error = (await updatePublicationSettings({ db, actor: admin, publicationId: "0195e7a0-0000-7000-8000-000000000000", settings: { name: "x" } }).catch(
      (caught: unknown) => caught,
    )) as AppError;
    expect(error.code).toBe("NOT_FOUND");
  });
});
