import sharp from "sharp";

export interface ImageVariant {
  width: number;
  height: number;
  mimeType: string;
  data: Buffer;
}

/** Widths for photos in articles, from a phone to a retina desktop column. */
export const PHOTO_WIDTHS = [320, 640, 960, 1280, 1920] as const;
/** Widths for page images: thumbnail (版面导航), page view, zoom. */
export const PAGE_IMAGE_WIDTHS = [240, 800, 1400, 2400] as const;

/**
 * Resized WebP copies of an image, upright (EXIF orientation applied) and with
 * no metadata (EXIF, GPS) left in them. Widths larger than the image are skipped,
 * except that the image's own width is always included.
 */
export async function makeImageVariants(input: Buffer, widths: readonly number[]): Promise<ImageVariant[]> {
  const upright = sharp(input).rotate();
  const { width: original = 0 } = await upright.clone().metadata().then(async (meta) => {
    const swap = (meta.orientation ?? 1) >= 5;
    return { width: swap ? meta.height : meta.width };
  });
  const targets = [...new Set([...widths.filter((width) => width < original), Math.min(original, Math.max(...widths))])];
  return Promise.all(
    targets.map(async (width) => {
      const { data, info } = await upright
        .clone()
        .resize({ width, withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer({ resolveWithObject: true });
      return { width: info.width, height: info.height, mimeType: "image/webp", data };
    }),
  );
}
