import * as mupdf from "mupdf";
import type { Rect } from "@/lib/regions/rect";

// Draws a newspaper page into a one-page PDF the way a layout program writes
// one (text runs in a CJK font, rules, frames, photos), and remembers where
// each thing was drawn and for which article, so the test pages come with
// exact article boxes. Coordinates are PDF points, y downwards from the top.

/** Where the ink of a drawn thing is, and whose it is (null: page furniture, an ad). */
interface Ink {
  rect: Rect;
  owner: string | null;
}

/** A line of body text as set: its text and where it went. */
export interface SetLine {
  text: string;
  paragraph: number;
  rect: Rect;
}

/** The share of an em below the baseline that mupdf's line boxes reach (measured with the built-in CJK font). */
const DESCENT = 0.17;

/**
 * A ToUnicode map sending every code to the private use area: what a PDF
 * whose fonts lost their Unicode tables gives a text extractor (the glyphs
 * still print right).
 */
function privateUseMap(): string {
  const ranges = Array.from({ length: 256 }, (_, high) => {
    const prefix = high.toString(16).padStart(2, "0");
    return `<${prefix}00> <${prefix}ff> <e000>`;
  });
  const sections: string[] = [];
  for (let start = 0; start < ranges.length; start += 100) {
    const part = ranges.slice(start, start + 100);
    sections.push(`${part.length} beginbfrange\n${part.join("\n")}\nendbfrange`);
  }
  return `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /PrivateUse def /CMapType 2 def\n1 begincodespacerange <0000> <ffff> endcodespacerange\n${sections.join("\n")}\nendcmap CMapName currentdict /CMap defineresource pop end end`;
}

const hex = (text: string) => [...text].map((char) => char.codePointAt(0)!.toString(16).padStart(4, "0")).join("");

export class PageBuilder {
  readonly ink: Ink[] = [];
  private readonly document = new mupdf.PDFDocument();
  private readonly content: string[] = [];
  private readonly images: Record<string, mupdf.PDFObject> = {};
  private readonly font: mupdf.PDFObject;
  /** The article (key) now being drawn; null for page furniture. */
  owner: string | null = null;

  constructor(
    readonly width: number,
    readonly height: number,
    options: { garbled?: boolean } = {},
  ) {
    // The built-in CJK font: every character advances one em (digits and Latin too, as the PDF's widths say).
    this.font = this.document.addCJKFont(new mupdf.Font("zh-Hans"), "zh-Hans", 0, true);
    if (options.garbled) this.font.put("ToUnicode", this.document.addStream(privateUseMap(), {}));
  }

  private mark(rect: Rect): void {
    this.ink.push({ rect, owner: this.owner });
  }

  /** One line of text in a horizontal run; x is its left edge, baseline from the top. Invisible: a scan's OCR layer. */
  text(text: string, x: number, baseline: number, size: number, invisible = false): Rect {
    this.content.push(`BT ${invisible ? 3 : 0} Tr /F1 ${size} Tf 1 0 0 1 ${x.toFixed(2)} ${(this.height - baseline).toFixed(2)} Tm <${hex(text)}> Tj ET`);
    const rect = { x0: x, y0: baseline - size, x1: x + [...text].length * size, y1: baseline + size * DESCENT };
    this.mark(rect);
    return rect;
  }

  /** A line centred between x0 and x1. */
  centred(text: string, x0: number, x1: number, baseline: number, size: number): Rect {
    return this.text(text, (x0 + x1 - [...text].length * size) / 2, baseline, size);
  }

  /** A vertical (竖排) line: one character under the other, as layout programs write it (a run per character). */
  vertical(text: string, x: number, top: number, size: number): Rect {
    const chars = [...text];
    chars.forEach((char, index) => this.text(char, x, top + size * (index + 1) * 1.08, size));
    return { x0: x, y0: top, x1: x + size, y1: top + size * chars.length * 1.08 + size * DESCENT };
  }

  /** A rule as a stroked line (horizontal when y0 = y1). */
  rule(x0: number, y0: number, x1: number, y1: number, thickness = 0.75): void {
    this.content.push(`${thickness} w 0 0 0 RG ${x0.toFixed(2)} ${(this.height - y0).toFixed(2)} m ${x1.toFixed(2)} ${(this.height - y1).toFixed(2)} l S`);
    const half = thickness / 2;
    this.mark({ x0: Math.min(x0, x1) - (y0 === y1 ? 0 : half), y0: Math.min(y0, y1) - (y0 === y1 ? half : 0), x1: Math.max(x0, x1) + (y0 === y1 ? 0 : half), y1: Math.max(y0, y1) + (y0 === y1 ? half : 0) });
  }

  /** A box's frame: one stroked rectangle, or two (a double frame). */
  frame(rect: Rect, double = false): void {
    const stroke = (r: Rect, thickness: number) => {
      this.content.push(`${thickness} w 0 0 0 RG ${r.x0.toFixed(2)} ${(this.height - r.y1).toFixed(2)} ${(r.x1 - r.x0).toFixed(2)} ${(r.y1 - r.y0).toFixed(2)} re S`);
    };
    stroke(rect, double ? 1.5 : 0.75);
    if (double) stroke({ x0: rect.x0 + 3, y0: rect.y0 + 3, x1: rect.x1 - 3, y1: rect.y1 - 3 }, 0.5);
    this.mark(rect);
  }

  /** A 花边框: an ornamental border of small filled diamonds, each its own little path (no rule to lean on). */
  ornamentFrame(rect: Rect, step = 6): void {
    const diamond = (cx: number, cy: number) => {
      const y = this.height - cy;
      this.content.push(`0.8 0 0 rg ${(cx - 2.2).toFixed(2)} ${y.toFixed(2)} m ${cx.toFixed(2)} ${(y + 2.2).toFixed(2)} l ${(cx + 2.2).toFixed(2)} ${y.toFixed(2)} l ${cx.toFixed(2)} ${(y - 2.2).toFixed(2)} l h f`);
    };
    for (let x = rect.x0 + 2.2; x <= rect.x1 - 2.2 + 0.01; x += step) {
      diamond(x, rect.y0 + 2.2);
      diamond(x, rect.y1 - 2.2);
    }
    for (let y = rect.y0 + 2.2 + step; y <= rect.y1 - 2.2 - step + 0.01; y += step) {
      diamond(rect.x0 + 2.2, y);
      diamond(rect.x1 - 2.2, y);
    }
    this.mark(rect);
  }

  /** A photo: a raster image (a soft gradient with a shape, like a picture) filling the rectangle. */
  photo(rect: Rect, seed: number): void {
    const name = `Im${Object.keys(this.images).length + 1}`;
    const [w, h] = [48, 32];
    const pixmap = new mupdf.Pixmap(mupdf.ColorSpace.DeviceRGB, [0, 0, w, h], false);
    const pixels = pixmap.getPixels();
    for (let y = 0; y < h; y += 1) {
      for (let x = 0; x < w; x += 1) {
        const index = (y * w + x) * 3;
        const inside = (x - w / 2) ** 2 + (y - h / 2) ** 2 < (h / 3) ** 2;
        pixels[index] = (x * 5 + seed * 40) % 256;
        pixels[index + 1] = inside ? 60 : (y * 7 + seed * 20) % 256;
        pixels[index + 2] = 150;
      }
    }
    this.images[name] = this.document.addImage(new mupdf.Image(pixmap));
    const [rw, rh] = [rect.x1 - rect.x0, rect.y1 - rect.y0];
    this.content.push(`q ${rw.toFixed(2)} 0 0 ${rh.toFixed(2)} ${rect.x0.toFixed(2)} ${(this.height - rect.y1).toFixed(2)} cm /${name} Do Q`);
    this.mark(rect);
  }

  /**
   * Sets paragraphs into columns, top to bottom, left to right, each
   * paragraph's first line indented two characters, as much as fits. A
   * paragraph the columns cut short is cut back to its last full sentence, or
   * clause (a layout desk cuts to fit). Returns the lines set.
   */
  flow(paragraphs: readonly string[], columns: readonly Rect[], size: number, leading = size * 1.5): SetLine[] {
    const perLine = (column: Rect) => Math.floor((column.x1 - column.x0) / size + 0.001);
    const slots = columns.flatMap((column) => {
      const count = Math.floor((column.y1 - column.y0 - size * (1 + DESCENT)) / leading + 0.001) + 1;
      return Array.from({ length: Math.max(0, count) }, (_, index) => ({ column, baseline: column.y0 + size + index * leading }));
    });
    const set: { text: string; paragraph: number; slot: (typeof slots)[number]; indent: boolean }[] = [];
    let slot = 0;
    for (let paragraph = 0; paragraph < paragraphs.length && slot < slots.length; paragraph += 1) {
      let chars = ["\u3000", "\u3000", ...paragraphs[paragraph]!];
      let first = true;
      while (chars.length > 0 && slot < slots.length) {
        const room = perLine(slots[slot]!.column);
        set.push({ text: chars.slice(0, room).join(""), paragraph, slot: slots[slot]!, indent: first });
        chars = chars.slice(room);
        first = false;
        slot += 1;
      }
      if (chars.length > 0) {
        // Cut short: back to the paragraph's last full sentence.
        const own = set.filter((line) => line.paragraph === paragraph);
        const printed = own.map((line) => line.text).join("");
        // Back to the last full sentence, or else to the last clause, closed with a full stop.
        const sentence = printed.lastIndexOf("。");
        const end = sentence > 2 ? sentence : printed.lastIndexOf("，");
        set.splice(set.length - own.length);
        if (end > 2) {
          let rest = [...`${printed.slice(0, end)}。`];
          for (const line of own) {
            if (rest.length === 0) break;
            const count = [...line.text].length;
            set.push({ ...line, text: rest.slice(0, count).join("") });
            rest = rest.slice(count);
          }
        }
        break;
      }
    }
    return set.map((line) => {
      const text = line.indent ? line.text.replace(/^\u3000+/, "") : line.text;
      const x = line.slot.column.x0 + (line.indent ? size * 2 : 0);
      return { text, paragraph: line.paragraph, rect: this.text(text, x, line.slot.baseline, size) };
    });
  }

  /** The union of the ink an article drew, within each of its slabs (an L-shaped article has two). */
  inkOf(owner: string, slabs?: readonly Rect[]): Rect[] {
    const own = this.ink.filter((ink) => ink.owner === owner).map((ink) => ink.rect);
    const bound = (rects: readonly Rect[]): Rect => ({
      x0: Math.min(...rects.map((rect) => rect.x0)),
      y0: Math.min(...rects.map((rect) => rect.y0)),
      x1: Math.max(...rects.map((rect) => rect.x1)),
      y1: Math.max(...rects.map((rect) => rect.y1)),
    });
    if (!slabs) return [bound(own)];
    return slabs.flatMap((slab) => {
      const inside = own.filter((rect) => {
        const cx = (rect.x0 + rect.x1) / 2;
        const cy = (rect.y0 + rect.y1) / 2;
        return cx >= slab.x0 && cx <= slab.x1 && cy >= slab.y0 && cy <= slab.y1;
      });
      return inside.length ? [bound(inside)] : [];
    });
  }

  /** The page as a one-page PDF. */
  toPdf(): Buffer {
    const resources = this.document.addObject({ Font: { F1: this.font }, XObject: this.images });
    this.document.insertPage(-1, this.document.addPage([0, 0, this.width, this.height], 0, resources, this.content.join("\n")));
    return Buffer.from(this.document.saveToBuffer("compress").asUint8Array());
  }
}
