import type * as mupdf from "mupdf";
import type { Rect } from "./rect";

/** One line of text as placed on the page, in PDF points (y downwards). */
export interface TextLine {
  text: string;
  bbox: Rect;
  /** Font size in points (of the line's first font: mupdf starts a new line when the style changes much). */
  size: number;
  /** Index of the text block mupdf grouped the line into (kicker + headline often share one). */
  block: number;
}

interface StextJson {
  blocks: {
    type: string;
    lines?: { text?: string; bbox: { x: number; y: number; w: number; h: number }; font?: { size?: number } }[];
  }[];
}

/**
 * The page's text lines with their positions and font sizes, from mupdf's
 * structured text as JSON. (Walking it with an onChar callback gives every
 * character's size but costs about 1.5 s a page in JS calls, against 50 ms for
 * the JSON.) Text outside its clip is left out ("clip"): a corrected page may
 * cut parts of its content away. From the page or from its display list (the
 * same drawing calls, recorded once).
 */
export function extractTextLines(page: mupdf.Page | mupdf.DisplayList): TextLine[] {
  const stext = page.toStructuredText("preserve-whitespace,clip");
  let json: StextJson;
  try {
    json = JSON.parse(stext.asJSON()) as StextJson;
  } finally {
    stext.destroy();
  }
  const lines: TextLine[] = [];
  json.blocks.forEach((block, index) => {
    if (block.type !== "text") return;
    for (const line of block.lines ?? []) {
      const text = (line.text ?? "").trim();
      const size = line.font?.size ?? 0;
      if (text === "" || size <= 0) continue;
      const { x, y, w, h } = line.bbox;
      lines.push({ text, bbox: { x0: x, y0: y, x1: x + w, y1: y + h }, size, block: index });
    }
  });
  return lines;
}
