import { beforeAll, describe, expect, it } from "vitest";
import { bodyFromBlocks } from "@/lib/articles/body";
import type { Db } from "@/lib/db/client";
import { editionDate } from "@/lib/time/edition-date";
import { createMigratedDatabase } from "@/tests/helpers/database";
import { mediaVisibility } from "./media-visibility";

// Stored files are public exactly when readers can see what they belong to.

let db: Db;
let publicationId: string;
let counter = 0;

async function asset(kind: "PHOTO" | "PAGE_PDF" | "PAGE_IMAGE" | "LOGO") {
  counter += 1;
  const sha256 = counter.toString(16).padStart(64, "0");
  const storageKey = `${kind.toLowerCase().replace("_", "-")}s/${sha256.slice(0, 2)}/${sha256}.webp`;
  const created = await db.asset.create({ data: { kind, storageKey, mimeType: "image/webp", byteSize: 10, sha256 } });
  const derivative = `${storageKey.replace(".webp", "")}-640.webp`;
  await db.assetDerivative.create({ data: { assetId: created.id, width: 640, height: 480, mimeType: "image/webp", storageKey: derivative, byteSize: 5 } });
  return { id: created.id, key: storageKey, derivative };
}

async function page(editionStatus: "PLANNING" | "PUBLISHED" | "WITHDRAWN", pageStatus: "PLANNING" | "PUBLISHED" | "WITHDRAWN", date: string) {
  const edition = await db.edition.create({ data: { publicationId, date: editionDate(date), status: editionStatus } });
  return db.page.create({ data: { editionId: edition.id, number: "A01", section: "A", position: 1, name: "要闻", status: pageStatus } });
}

async function photoOf(articleStatus: "DRAFT" | "PUBLISHED" | "KILLED", on?: { id: string }) {
  const file = await asset("PHOTO");
  const photo = await db.photo.create({ data: { publicationId, assetId: file.id } });
  const article = await db.article.create({ data: { publicationId, headline: "稿件", status: articleStatus, body: bodyFromBlocks([{ type: "paragraph", text: "正文" }]) } });
  await db.articlePhoto.create({ data: { articleId: article.id, photoId: photo.id, position: 1 } });
  if (on) await db.placement.create({ data: { pageId: on.id, articleId: article.id, position: 1 } });
  return file;
}

beforeAll(async () => {
  db = (await createMigratedDatabase()).db;
  publicationId = (await db.publication.create({ data: { slug: "jmrb", name: "江门日报", isDefault: true } })).id;
});

describe("mediaVisibility", () => {
  it("makes public the photos of published stories on published pages, and their resized copies", async () => {
    const published = await page("PUBLISHED", "PUBLISHED", "2023-03-13");
    const file = await photoOf("PUBLISHED", published);
    expect(await mediaVisibility(db, file.key)).toBe("public");
    expect(await mediaVisibility(db, file.derivative)).toBe("public");
  });

  it("keeps for staff the photos of drafts, killed stories, stories not placed, or placed on pages readers cannot see", async () => {
    const published = await page("PUBLISHED", "PUBLISHED", "2023-03-14");
    const withdrawnPage = await page("PUBLISHED", "WITHDRAWN", "2023-03-15");
    const planned = await page("PLANNING", "PLANNING", "2023-03-16");
    const withdrawnEdition = await page("WITHDRAWN", "PUBLISHED", "2023-03-17");
    for (const file of [
      await photoOf("DRAFT", published),
      await photoOf("KILLED", published),
      await photoOf("PUBLISHED"),
      await photoOf("PUBLISHED", withdrawnPage),
      await photoOf("PUBLISHED", planned),
      await photoOf("PUBLISHED", withdrawnEdition),
    ]) {
      expect(await mediaVisibility(db, file.key)).toBe("staff");
      expect(await mediaVisibility(db, file.derivative)).toBe("staff");
    }
  });

  it("makes public the image and PDF of a published page only, never a PDF waiting for its render", async () => {
    for (const [editionStatus, pageStatus, expected, date] of [
      ["PUBLISHED", "PUBLISHED", "public", "2023-04-01"],
      ["PLANNING", "PLANNING", "staff", "2023-04-02"],
      ["WITHDRAWN", "PUBLISHED", "staff", "2023-04-03"],
    ] as const) {
      const pdf = await asset("PAGE_PDF");
      const image = await asset("PAGE_IMAGE");
      const pending = await asset("PAGE_PDF");
      const created = await page(editionStatus, pageStatus, date);
      await db.page.update({ where: { id: created.id }, data: { pdfAssetId: pdf.id, imageAssetId: image.id, pendingPdfAssetId: pending.id } });
      expect(await mediaVisibility(db, pdf.key), date).toBe(expected);
      expect(await mediaVisibility(db, image.derivative), date).toBe(expected);
      expect(await mediaVisibility(db, pending.key), date).toBe("staff");
    }
  });

  it("knows nothing of a key no file has", async () => {
    expect(await mediaVisibility(db, `photos/ff/${"f".repeat(64)}.webp`)).toBe("missing");
  });
});
