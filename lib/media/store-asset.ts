import sharp from "sharp";
import type { Db } from "@/lib/db/client";
import type { AssetKind } from "@/lib/db/generated/enums";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { storageKeyFor, type Storage } from "@/lib/storage/storage";
import { makeImageVariants, PAGE_IMAGE_WEBP, PAGE_IMAGE_WIDTHS, PHOTO_WEBP, PHOTO_WIDTHS, type ImageVariant } from "./image-variants";

const EXTENSIONS: Record<string, string> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
};

const PREFIXES: Record<AssetKind, string> = { PHOTO: "photos", PAGE_PDF: "pages", PAGE_IMAGE: "page-images", LOGO: "logos" };

/** Where storeAsset keeps these bytes (content-addressed: the same bytes, the same key). */
export function assetStorageKey(data: Buffer, mimeType: string, kind: AssetKind): { key: string; sha256: string } {
  const extension = EXTENSIONS[mimeType];
  if (!extension) throw new Error(`Unsupported file type: ${mimeType}`);
  return storageKeyFor(data, PREFIXES[kind], extension);
}

interface StoreOptions {
  db: Db;
  storage: Storage;
  actorId?: string;
}

/**
 * Stores a file and its asset row (and, for images, resized WebP derivatives).
 * Content-addressed: storing the same bytes again returns the existing asset.
 * Files are written before rows, so a row never points at a missing file.
 */
export async function storeAsset(
  options: StoreOptions & {
    data: Buffer;
    mimeType: string;
    kind: AssetKind;
    originalName?: string;
    /** Derivatives the caller has made already (a page render, from its pixels rather than the encoded file). */
    variants?: ImageVariant[];
  },
): Promise<string> {
  const { db, storage, data, mimeType, kind } = options;
  const { key, sha256 } = assetStorageKey(data, mimeType, kind);
  const existing = await db.asset.findUnique({ where: { storageKey: key }, select: { id: true } });
  if (existing) return existing.id;

  const isImage = mimeType.startsWith("image/");
  const size = isImage ? await imageSize(data) : {};
  const widths = kind === "PAGE_IMAGE" ? PAGE_IMAGE_WIDTHS : kind === "PHOTO" ? PHOTO_WIDTHS : [];
  const webp = kind === "PAGE_IMAGE" ? PAGE_IMAGE_WEBP : PHOTO_WEBP;
  const variants = options.variants ?? (isImage && widths.length ? await makeImageVariants(data, widths, webp) : []);
  // Each derivative has its own content hash as key: a public derivative's URL
  // says nothing about where the original (with its EXIF) is stored.
  const variantKeys = variants.map((variant) => storageKeyFor(variant.data, PREFIXES[kind], "webp").key);
  if (kind === "PAGE_IMAGE") {
    // The same page image in another PNG encoding: the edition import's PNG
    // comes from mupdf, the upload worker's from sharp, from the same pixels.
    // Derivative keys are unique, so a full-size derivative stored already means
    // that asset is this image.
    const fullSize = variants.findIndex((variant) => variant.width === size.width);
    const twin = fullSize < 0 ? null : await db.assetDerivative.findUnique({ where: { storageKey: variantKeys[fullSize]! }, select: { assetId: true } });
    if (twin) return twin.assetId;
  }

  await storage.put(key, data, mimeType);
  for (const [index, variant] of variants.entries()) await storage.put(variantKeys[index]!, variant.data, variant.mimeType);

  const asset = await db.asset
    .create({
    data: {
      kind,
      storageKey: key,
      originalName: options.originalName ?? null,
      mimeType,
      byteSize: data.length,
      sha256,
      ...size,
      createdById: options.actorId ?? null,
      derivatives: {
        create: variants.map((variant, index) => ({
          width: variant.width,
          height: variant.height,
          mimeType: variant.mimeType,
          byteSize: variant.data.length,
          storageKey: variantKeys[index]!,
        })),
      },
    },
  })
    // The same file stored twice at once: both wrote the same bytes; the loser uses the winner's row.
    .catch(async (error: unknown) => {
      if (!isUniqueViolation(error)) throw error;
      return db.asset.findUniqueOrThrow({ where: { storageKey: key }, select: { id: true } });
    });
  return asset.id;
}

async function imageSize(data: Buffer): Promise<{ width?: number; height?: number }> {
  const meta = await sharp(data).metadata();
  const swap = (meta.orientation ?? 1) >= 5;
  return swap ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height };
}
