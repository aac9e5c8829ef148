import * as mupdf from "mupdf";
import type { Rect } from "./rect";

/** A block of the page moved by (dx, dy), all page-relative (0..1, y downwards). */
export interface BlockMove {
  from: Rect;
  dx: number;
  dy: number;
}

/**
 * A corrected version of a one-page PDF in which some blocks have moved (as
 * when the desk swaps two stories): the original page becomes a form XObject,
 * drawn clipped to each rectangle of what stays (the page cut into horizontal
 * bands at the blocks' edges, each band's stretches outside the blocks), then
 * once per block, clipped to it and shifted. Rectangular clips, because text
 * extraction drops only text outside a clip's bounding box. Used by the tests
 * and the benchmark to make new layouts from the fixture page; assumes an
 * unrotated page and blocks whose edges fall in gutters.
 */
export function rearrangePagePdf(pdf: Buffer | Uint8Array, moves: readonly BlockMove[]): Buffer {
  const document = mupdf.Document.openDocument(pdf, "application/pdf").asPDF();
  if (!document) throw new Error("not a PDF");
  try {
    const page = document.findPage(0);
    const [x0, y0, x1, y1] = page.getInheritable("MediaBox").asJS() as [number, number, number, number];
    const pageWidth = x1 - x0;
    const pageHeight = y1 - y0;
    const contents = page.get("Contents");
    // Copies: mupdf's buffers live in WASM memory.
    const parts: Buffer[] = [];
    if (contents.isArray()) contents.forEach((part) => parts.push(Buffer.from(part.readStream().asUint8Array())));
    else parts.push(Buffer.from(contents.readStream().asUint8Array()));

    const form = document.addStream(Buffer.concat(parts.flatMap((part) => [part, Buffer.from("\n")])), {
      Type: document.newName("XObject"),
      Subtype: document.newName("Form"),
      BBox: [x0, y0, x1, y1],
      Resources: page.getInheritable("Resources"),
    });
    // PDF space has y upwards from the bottom; boxes have it downwards from the top.
    const re = (box: Rect) =>
      `${x0 + box.x0 * pageWidth} ${y1 - box.y1 * pageHeight} ${(box.x1 - box.x0) * pageWidth} ${(box.y1 - box.y0) * pageHeight} re`;
    const lines: string[] = [];
    for (const rect of remainder(moves.map((move) => move.from))) lines.push("q", re(rect), "W n /Page Do Q");
    for (const move of moves) {
      const to = { x0: move.from.x0 + move.dx, y0: move.from.y0 + move.dy, x1: move.from.x1 + move.dx, y1: move.from.y1 + move.dy };
      lines.push("q", re(to), "W n", `1 0 0 1 ${move.dx * pageWidth} ${-move.dy * pageHeight} cm`, "/Page Do Q");
    }
    const resources = document.newDictionary();
    const xobjects = document.newDictionary();
    xobjects.put("Page", form);
    resources.put("XObject", xobjects);
    page.put("Resources", resources);
    page.put("Contents", document.addStream(Buffer.from(lines.join("\n")), {}));
    return Buffer.from(document.saveToBuffer("compress").asUint8Array());
  } finally {
    document.destroy();
  }
}

/** The page (0..1) less the given blocks, as rectangles: horizontal bands, each cut where blocks cross it. */
function remainder(blocks: readonly Rect[]): Rect[] {
  const ys = [...new Set([0, 1, ...blocks.flatMap((block) => [block.y0, block.y1])])].sort((a, b) => a - b);
  const rects: Rect[] = [];
  for (let band = 0; band + 1 < ys.length; band += 1) {
    const [y0, y1] = [ys[band]!, ys[band + 1]!];
    const cuts = blocks.filter((block) => block.y0 < y1 && block.y1 > y0).sort((a, b) => a.x0 - b.x0);
    let x = 0;
    for (const cut of cuts) {
      if (cut.x0 > x) rects.push({ x0: x, y0, x1: cut.x0, y1 });
      x = Math.max(x, cut.x1);
    }
    if (x < 1) rects.push({ x0: x, y0, x1: 1, y1 });
  }
  return rects;
}
