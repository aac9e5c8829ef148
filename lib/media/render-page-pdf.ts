import * as mupdf from "mupdf";

export class PagePdfError extends Error {
  override name = "PagePdfError";
}

/** Width of the largest page image, in pixels: enough to read body text when zoomed. */
export const PAGE_IMAGE_WIDTH = 2400;

/**
 * Renders a one-page PDF from the layout system to a PNG of PAGE_IMAGE_WIDTH
 * pixels. Refuses (with a message an editor understands) files that are
 * encrypted, empty or hold several pages.
 */
export function renderPagePdf(pdf: Buffer): { png: Buffer; width: number; height: number } {
  let document: mupdf.Document;
  try {
    document = mupdf.Document.openDocument(pdf, "application/pdf");
  } catch {
    throw new PagePdfError("PDF 文件已损坏，无法打开");
  }
  try {
    if (document.needsPassword()) throw new PagePdfError("PDF 文件已加密，请上传未加密的版面 PDF");
    const pages = document.countPages();
    if (pages !== 1) throw new PagePdfError(`PDF 应只有一页，此文件有 ${pages} 页`);
    const page = document.loadPage(0);
    const [x0, , x1] = page.getBounds();
    const scale = PAGE_IMAGE_WIDTH / (x1 - x0);
    const pixmap = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true);
    const result = { png: Buffer.from(pixmap.asPNG()), width: pixmap.getWidth(), height: pixmap.getHeight() };
    pixmap.destroy();
    page.destroy();
    return result;
  } finally {
    document.destroy();
  }
}
