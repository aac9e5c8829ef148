import type { Prisma } from "@/lib/db/generated/client";
import { mediaUrl, srcSetOf } from "@/lib/reader/urls";

/** A library photo as the story editor receives it from the picker. */
export interface PickedPhoto {
  id: string;
  /** The largest WebP derivative up to article width. */
  src: string;
  /** Every WebP derivative, "url 640w, …". */
  srcSet: string;
  width: number;
  height: number;
  caption: string | null;
  credit: string | null;
  altText: string | null;
}

/** What every photo listing selects: enough for a thumbnail, the picker and the grid. */
export const photoSummarySelect = {
  id: true,
  caption: true,
  credit: true,
  altText: true,
  takenAt: true,
  createdAt: true,
  asset: {
    select: {
      storageKey: true,
      width: true,
      height: true,
      createdById: true,
      derivatives: { select: { storageKey: true, width: true, height: true, mimeType: true }, orderBy: { width: "asc" } },
    },
  },
} satisfies Prisma.PhotoSelect;

type SummaryRow = Prisma.PhotoGetPayload<{ select: typeof photoSummarySelect }>;

export interface PhotoSummary extends PickedPhoto {
  takenAt: string | null;
  createdAt: string;
  uploaderId: string | null;
}

/** The width a story column uses; larger derivatives stay in srcset for retina screens. */
const DEFAULT_SRC_WIDTH = 1280;

export function photoSummary(row: SummaryRow): PhotoSummary {
  const variants = row.asset.derivatives.filter((variant) => variant.mimeType === "image/webp");
  const src = variants.filter((variant) => variant.width <= DEFAULT_SRC_WIDTH).at(-1) ?? variants[0];
  return {
    id: row.id,
    // Derivatives carry no metadata; the master is used only when there are none (never for uploads).
    src: mediaUrl(src?.storageKey ?? row.asset.storageKey),
    srcSet: srcSetOf(variants),
    width: row.asset.width ?? src?.width ?? 0,
    height: row.asset.height ?? src?.height ?? 0,
    caption: row.caption,
    credit: row.credit,
    altText: row.altText,
    takenAt: row.takenAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    uploaderId: row.asset.createdById,
  };
}
