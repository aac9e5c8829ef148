import exifr from "exifr";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { DiskStorage } from "@/lib/storage/storage";
import { createMigratedDatabase, createTestStorage, storedFiles } from "@/tests/helpers/database";
import { seedNewsroom, type Newsroom } from "@/tests/helpers/newsroom";
import { MAX_PHOTO_BYTES } from "./photo-errors";
import { pixelFloodPng, SMALL_HEIC, streamOf, testJpeg } from "./test-images";
import { uploadPhoto } from "./upload-photo";

let db: Db;
let storage: DiskStorage;
let n: Newsroom;

beforeAll(async () => {
  db = (await createMigratedDatabase()).db;
  storage = await createTestStorage();
  n = await seedNewsroom(db);
});

const upload = (data: Buffer, extra: { originalName?: string; declaredSize?: number } = {}) =>
  uploadPhoto({ db, storage, actor: n.photographer, body: streamOf(data), declaredSize: data.length, ...extra });

/** The AppError a call fails with (the test fails if it succeeds or fails otherwise). */
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (reason: unknown) => reason);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("uploadPhoto refuses bad files and stores nothing", () => {
  async function expectNothingStored() {
    expect(await db.asset.count()).toBe(0);
    expect(await db.photo.count()).toBe(0);
    expect(await storedFiles(storage)).toEqual([]);
  }

  it("refuses a program renamed to .jpg, by its bytes", async () => {
    const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00", "latin1"), Buffer.alloc(4096)]);
    const error = await refusal(upload(exe, { originalName: "photo.jpg" }));
    expect(error.code).toBe("UNSUPPORTED_FILE");
    expect(error.status).toBe(415);
    expect(error.messageFor("zh-CN")).toContain("只能上传 JPEG、PNG、WebP 或 HEIC");
    expect(error.messageFor("en")).toContain("Only JPEG, PNG, WebP or HEIC");
    await expectNothingStored();
  });

  it("refuses an SVG carrying a script", async () => {
    const svg = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>');
    const error = await refusal(upload(svg, { originalName: "logo.svg" }));
    expect(error.code).toBe("UNSUPPORTED_FILE");
    expect(error.messageFor("zh-CN")).toContain("SVG");
    await expectNothingStored();
  });

  it("refuses an oversize file by its Content-Length without reading any of it", async () => {
    let pulls = 0;
    // highWaterMark 0: the stream pulls only when read, not ahead on its own.
    const body = new ReadableStream<Uint8Array>(
      {
        pull() {
          pulls += 1;
          throw new Error("the body must not be read");
        },
      },
      { highWaterMark: 0 },
    );
    const error = await refusal(uploadPhoto({ db, storage, actor: n.photographer, body, declaredSize: MAX_PHOTO_BYTES + 1 }));
    expect(error.code).toBe("FILE_TOO_LARGE");
    expect(error.status).toBe(413);
    expect(error.messageFor("zh-CN")).toContain("30 MB");
    expect(pulls).toBe(0);
    await expectNothingStored();
  });

  it("stops reading an oversize body with no (or a false) Content-Length one chunk past the limit", async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0xff);
    const allowedPulls = MAX_PHOTO_BYTES / chunk.length + 1;
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulls += 1;
          if (pulls > allowedPulls) throw new Error("read past the limit");
          controller.enqueue(chunk);
        },
      },
      { highWaterMark: 0 },
    );
    const error = await refusal(uploadPhoto({ db, storage, actor: n.photographer, body, declaredSize: 1000 }));
    expect(error.code).toBe("FILE_TOO_LARGE");
    expect(pulls).toBeLessThanOrEqual(allowedPulls);
    await expectNothingStored();
  });

  it("refuses a truncated JPEG with a clear message", async () => {
    const jpeg = await testJpeg({ seed: 7 });
    const error = await refusal(upload(jpeg.subarray(0, Math.floor(jpeg.length / 2)), { originalName: "cut.jpg" }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.messageFor("zh-CN")).toBe("图片文件已损坏或不完整，无法读取。请重新导出后再上传。");
    expect(error.messageFor("en")).toContain("damaged or incomplete");
    await expectNothingStored();
  });

  it("refuses a pixel flood (a tiny PNG declaring 16000×16000) from its header, without decoding it", async () => {
    const flood = await pixelFloodPng(16_000, 16_000);
    expect(flood.length).toBeLessThan(1_000);
    const error = await refusal(upload(flood, { originalName: "flood.png" }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.messageFor("zh-CN")).toContain("图片尺寸过大（16000×16000");
    expect(error.messageFor("en")).toContain("the limit is 50 megapixels");
    await expectNothingStored();
  });

  it("refuses an empty file", async () => {
    const error = await refusal(upload(Buffer.alloc(0)));
    expect(error.messageFor("zh-CN")).toBe("文件是空的。");
    await expectNothingStored();
  });
});

describe("uploadPhoto", () => {
  it("keeps the EXIF facts on the photo and strips EXIF from every stored file", async () => {
    const jpeg = await testJpeg({
      seed: 11,
      width: 2000,
      height: 1333,
      exif: {
        IFD0: { Make: "Canon", Model: "Canon EOS R5", Artist: "Qiu Yu" },
        IFD2: { DateTimeOriginal: "2023:03:12 10:20:30" },
        IFD3: { GPSLatitudeRef: "N", GPSLatitude: "22/1 35/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "113/1 5/1 0/1" },
      },
    });
    expect((await exifr.parse(jpeg, { gps: true }))?.Artist).toBe("Qiu Yu");

    const { photoId, duplicate } = await upload(jpeg, { originalName: "IMG_0001.JPG" });
    expect(duplicate).toBe(false);
    const photo = await db.photo.findUniqueOrThrow({ where: { id: photoId }, include: { asset: { include: { derivatives: true } } } });
    // The camera's clock is China time: 10:20:30 +08:00.
    expect(photo.takenAt?.toISOString()).toBe("2023-03-12T02:20:30.000Z");
    expect(photo.camera).toBe("Canon EOS R5");
    expect(photo.credit).toBe("Qiu Yu 摄");
    expect(photo.publicationId).toBe(n.publicationId);
    expect(photo.asset).toMatchObject({ width: 2000, height: 1333, mimeType: "image/jpeg", originalName: "IMG_0001.JPG", createdById: n.photographer.id });
    expect(photo.asset.derivatives.map((d) => d.width).sort((a, b) => a - b)).toEqual([320, 640, 960, 1280, 1920]);

    const keys = [photo.asset.storageKey, ...photo.asset.derivatives.map((d) => d.storageKey)];
    for (const key of keys) {
      const file = await storage.get(key);
      const meta = await sharp(file).metadata();
      expect(meta.exif, key).toBeUndefined();
      expect(await exifr.parse(file, { gps: true }).catch(() => undefined), key).toBeUndefined();
    }
    const derivative = await storage.get(photo.asset.derivatives[0]!.storageKey);
    expect((await sharp(derivative).metadata()).format).toBe("webp");

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "photo.upload", entityId: photoId } });
    expect(audit.actorId).toBe(n.photographer.id);
  });

  it("answers 30 uploads of one image at once cleanly: one photo, one set of files, 29 duplicates", async () => {
    const jpeg = await testJpeg({ width: 800, height: 600, seed: 30 });
    const assetsBefore = await db.asset.count();
    const results = await Promise.all(Array.from({ length: 30 }, () => upload(jpeg, { originalName: "same.jpg" })));
    expect(new Set(results.map((result) => result.photoId)).size).toBe(1);
    expect(results.filter((result) => !result.duplicate).length).toBeLessThanOrEqual(1);
    expect(await db.asset.count()).toBe(assetsBefore + 1);
    expect((await storedFiles(storage)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("returns the existing photo when the same file comes again", async () => {
    const jpeg = await testJpeg({ seed: 12 });
    const first = await upload(jpeg);
    const second = await upload(jpeg);
    expect(second).toEqual({ photoId: first.photoId, duplicate: true });
    expect(await db.photo.count({ where: { id: first.photoId } })).toBe(1);
  });

  it("credits a photographer's own upload without EXIF Artist to their byline", async () => {
    const person = await db.person.create({ data: { publicationId: n.publicationId, name: "邱昱", role: "PHOTOGRAPHER", userId: n.photographer.id } });
    const { photoId } = await upload(await testJpeg({ seed: 13 }));
    const photo = await db.photo.findUniqueOrThrow({ where: { id: photoId } });
    expect(photo).toMatchObject({ credit: "邱昱 摄", photographerId: person.id, takenAt: null, camera: null });
    await db.person.delete({ where: { id: person.id } });
  });

  it("converts HEIC to JPEG before storing it", async () => {
    const { photoId } = await upload(SMALL_HEIC, { originalName: "IMG_1234.HEIC" });
    const photo = await db.photo.findUniqueOrThrow({ where: { id: photoId }, include: { asset: { include: { derivatives: true } } } });
    expect(photo.asset).toMatchObject({ mimeType: "image/jpeg", width: 64, height: 48 });
    expect(photo.asset.storageKey).toMatch(/\.jpg$/);
    const stored = await sharp(await storage.get(photo.asset.storageKey)).metadata();
    expect(stored.format).toBe("jpeg");
    expect(photo.asset.derivatives).toHaveLength(1);
  });

  it("keeps PNG and WebP as they are, upright and without metadata", async () => {
    const png = await sharp(await testJpeg({ seed: 14, width: 300, height: 200 })).png().toBuffer();
    const webp = await sharp(await testJpeg({ seed: 15, width: 300, height: 200 })).webp().toBuffer();
    const a = await db.photo.findUniqueOrThrow({ where: { id: (await upload(png)).photoId }, include: { asset: true } });
    const b = await db.photo.findUniqueOrThrow({ where: { id: (await upload(webp)).photoId }, include: { asset: true } });
    expect([a.asset.mimeType, b.asset.mimeType]).toEqual(["image/png", "image/webp"]);
  });
});
