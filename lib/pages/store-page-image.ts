import type { Db } from "@/lib/db/client";
import { makeImageVariants, PAGE_IMAGE_WEBP, PAGE_IMAGE_WIDTHS, sharpOf, type ImageVariant, type RawImage } from "@/lib/media/image-variants";
import { storeAsset } from "@/lib/media/store-asset";
import type { Storage } from "@/lib/storage/storage";

/**
 * Stores a page render as a PAGE_IMAGE asset: the PNG master and its WebP
 * sizes (encodePageImage).
 */
export async function storePageImage(options: { db: Db; storage: Storage; image: RawImage }): Promise<string> {
  const { png, variants } = await encodePageImage(options.image);
  return storeAsset({ db: options.db, storage: options.storage, data: png, mimeType: "image/png", kind: "PAGE_IMAGE", variants });
}

/** The page images being encoded, one after the other (see encodePageImage). */
let queue: Promise<unknown> = Promise.resolve();

/**
 * The PNG master and the WebP sizes of a page render, all encoded straight
 * from its pixels and side by side on sharp's threads (off the event loop).
 * Before, mupdf encoded the PNG on the main thread (0.6–0.9 s a page in WASM,
 * against about 0.1 s for sharp's zlib), then every size decoded that PNG again.
 *
 * One page at a time per process: the render worker has two pages in flight so
 * that mupdf reads one while sharp encodes the other; two encodings at once
 * would gain nothing on two cores and hold about 250 MB more.
 */
export function encodePageImage(image: RawImage): Promise<{ png: Buffer; variants: ImageVariant[] }> {
  const encoded = queue.then(async () => {
    const [png, variants] = await Promise.all([sharpOf(image).png().toBuffer(), makeImageVariants(image, PAGE_IMAGE_WIDTHS, PAGE_IMAGE_WEBP)]);
    return { png, variants };
  });
  queue = encoded.catch(() => undefined);
  return encoded;
}
