import * as mupdf from "mupdf";
import type { RawImage } from "@/lib/media/image-variants";
import { pageMessages } from "@/lib/i18n/messages/pages";
import { openPagePdf, pageImageScale, PagePdfError } from "@/lib/media/render-page-pdf";
import { isBlankPageImage } from "./blank-page";
import { layoutOf, type PageLayout } from "@/lib/regions/read-page-layout";

export interface PagePdfContents {
  /** The page image at PAGE_IMAGE_WIDTH, as RGB pixels (encoded by lib/pages/store-page-image.ts). */
  image: RawImage;
  /** Text lines, rules and pictures for region detection; null when reading them failed. */
  layout: PageLayout | null;
  /** Why the layout could not be read (region detection is then left to run on the PDF, and fail there). */
  layoutError?: unknown;
}

/**
 * Everything the upload worker needs from a page PDF, reading it once: the
 * document is opened and its page interpreted into a display list a single
 * time, and both the page image and the layout for region detection come from
 * that list. Opening the PDF twice (once to render, once to detect) loaded
 * every font twice; on the fixture page, whose 160+ Type3 fonts mupdf loads
 * glyph by glyph, that was most of the detection's second. Refuses the PDFs
 * `openPagePdf` refuses, and blank pages (isBlankPageImage), with PagePdfError.
 *
 * Synchronous and CPU-bound (1–1.5 s on the fixture page): the render worker
 * runs it on a worker thread (read-page-pdf-off-thread.ts).
 */
export function readPagePdf(pdf: Buffer | Uint8Array): PagePdfContents {
  const { document, page } = openPagePdf(pdf);
  try {
    // Annotations and widgets included, as the page image always had them.
    const list = page.toDisplayList(true);
    try {
      const image = drawPageImage(list);
      if (isBlankPageImage(image)) throw new PagePdfError(pageMessages["zh-CN"].errors.blankPage, pageMessages.en.errors.blankPage);
      try {
        return { image, layout: layoutOf(list) };
      } catch (error) {
        // The image is still good: the page gets it, and regions can be drawn by hand.
        return { image, layout: null, layoutError: error };
      }
    } finally {
      list.destroy();
    }
  } finally {
    page.destroy();
    document.destroy();
  }
}

/** The page image: the list drawn PAGE_IMAGE_WIDTH wide into RGB pixels, copied out of the WASM heap (freed with the pixmap). */
export function drawPageImage(list: mupdf.DisplayList): RawImage {
  const scale = pageImageScale(list);
  const pixmap = list.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false);
  try {
    const width = pixmap.getWidth();
    const height = pixmap.getHeight();
    const channels = pixmap.getNumberOfComponents();
    if (channels !== 3) throw new Error(`Expected an RGB pixmap, got ${channels} channels`);
    const stride = pixmap.getStride();
    const row = width * channels;
    const pixels = pixmap.getPixels();
    const view = new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength);
    const data = Buffer.allocUnsafe(row * height);
    if (stride === row) data.set(view.subarray(0, row * height));
    else for (let y = 0; y < height; y += 1) data.set(view.subarray(y * stride, y * stride + row), y * row);
    return { data, width, height, channels };
  } finally {
    pixmap.destroy();
  }
}
