import * as mupdf from "mupdf";
import { extractGraphics, type Rule } from "./extract-graphics";
import type { Rect } from "./rect";
import { extractTextLines, type TextLine } from "./extract-text-blocks";

/** What region detection needs from a page PDF, in PDF points. */
export interface PageLayout {
  width: number;
  height: number;
  lines: TextLine[];
  rules: Rule[];
  /** Photos and other pictures, as visible on the page. */
  figures: Rect[];
}

/** Opens a one-page PDF (the first page of a longer one) and reads its text lines, rules and pictures. */
export function readPageLayout(pdf: Buffer | Uint8Array): PageLayout {
  const document = mupdf.Document.openDocument(pdf, "application/pdf");
  try {
    const page = document.loadPage(0);
    try {
      return layoutOf(page);
    } finally {
      page.destroy();
    }
  } finally {
    document.destroy();
  }
}

/**
 * The layout of a page already open, or of its display list. The render worker
 * passes the display list it renders the page image from: the page is then
 * interpreted once for both, and its fonts (160+ Type3 fonts on the fixture
 * page, the bulk of the cost) are loaded once.
 */
export function layoutOf(source: mupdf.Page | mupdf.DisplayList): PageLayout {
  const [x0, y0, x1, y1] = source.getBounds();
  const graphics = extractGraphics(source);
  const shift = (rect: Rect): Rect => ({ x0: rect.x0 - x0, y0: rect.y0 - y0, x1: rect.x1 - x0, y1: rect.y1 - y0 });
  const lines = extractTextLines(source).map((line) => ({ ...line, bbox: shift(line.bbox) }));
  return {
    width: x1 - x0,
    height: y1 - y0,
    lines,
    rules: graphics.rules.map((rule) => ({ ...rule, bbox: shift(rule.bbox) })),
    figures: graphics.figures.map(shift),
  };
}
