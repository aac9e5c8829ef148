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
      const [x0, y0, x1, y1] = page.getBounds();
      const graphics = extractGraphics(page);
      const shift = (rect: Rect): Rect => ({ x0: rect.x0 - x0, y0: rect.y0 - y0, x1: rect.x1 - x0, y1: rect.y1 - y0 });
      const lines = extractTextLines(page).map((line) => ({ ...line, bbox: shift(line.bbox) }));
      return {
        width: x1 - x0,
        height: y1 - y0,
        lines,
        rules: graphics.rules.map((rule) => ({ ...rule, bbox: shift(rule.bbox) })),
        figures: graphics.figures.map(shift),
      };
    } finally {
      page.destroy();
    }
  } finally {
    document.destroy();
  }
}
