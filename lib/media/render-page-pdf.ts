import * as mupdf from "mupdf";

/** A page PDF refused, with the reason in Chinese (`message`) and English. */
export class PagePdfError extends Error {
  override name = "PagePdfError";
  constructor(
    message: string,
    readonly en: string = message,
  ) {
    super(message);
  }
}

/** Width of the largest page image, in pixels: enough to read body text when zoomed. */
export const PAGE_IMAGE_WIDTH = 2400;

/**
 * Opens a one-page PDF from the layout system and loads its page. Refuses (with
 * a message an editor understands) files that are corrupt, encrypted, empty or
 * hold several pages. The caller destroys both.
 */
export function openPagePdf(pdf: Buffer | Uint8Array): { document: mupdf.Document; page: mupdf.Page } {
  let document: mupdf.Document;
  try {
    document = mupdf.Document.openDocument(pdf, "application/pdf");
  } catch {
    throw new PagePdfError("PDF 文件已损坏，无法打开", "the PDF is damaged and cannot be opened");
  }
  try {
    if (document.needsPassword()) throw new PagePdfError("PDF 文件已加密，请上传未加密的版面 PDF", "the PDF is encrypted: use the page PDF without a password");
    const pages = document.countPages();
    if (pages !== 1) throw new PagePdfError(`PDF 应只有一页，此文件有 ${pages} 页`, `a page PDF has one page; this one has ${pages}`);
    return { document, page: document.loadPage(0) };
  } catch (error) {
    document.destroy();
    throw error;
  }
}

/** The scale that makes a page PAGE_IMAGE_WIDTH pixels wide. */
export function pageImageScale(page: mupdf.Page | mupdf.DisplayList): number {
  const [x0, , x1] = page.getBounds();
  return PAGE_IMAGE_WIDTH / (x1 - x0);
}

/**
 * Renders a one-page PDF to a PNG of PAGE_IMAGE_WIDTH pixels (edition import).
 * The upload worker uses lib/pages/read-page-pdf.ts instead, which shares one
 * interpretation of the page between the image and region detection.
 */
export function renderPagePdf(pdf: Buffer): { png: Buffer; width: number; height: number } {
  const { document, page } = openPagePdf(pdf);
  try {
    const scale = pageImageScale(page);
    const pixmap = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true);
    const result = { png: Buffer.from(pixmap.asPNG()), width: pixmap.getWidth(), height: pixmap.getHeight() };
    pixmap.destroy();
    return result;
  } finally {
    page.destroy();
    document.destroy();
  }
}
