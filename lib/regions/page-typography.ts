import type { TextLine } from "./extract-text-blocks";
import type { Rect } from "./rect";

/** A line this much larger than body type is display type: a headline, kicker or deck (body 9 pt → 12 pt and up). */
export const DISPLAY_SIZE_RATIO = 1.3;

/** The most common font size, weighted by characters: the body type. */
export function bodySizeOf(lines: readonly TextLine[]): number {
  const weights = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    weights.set(size, (weights.get(size) ?? 0) + line.text.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, weight] of weights) {
    if (weight > bestWeight) [best, bestWeight] = [size, weight];
  }
  return best || 9;
}

export function isDisplay(line: TextLine, bodySize: number): boolean {
  return line.size >= bodySize * DISPLAY_SIZE_RATIO;
}

/** Gaps between two rectangles along each axis (0 where they overlap). */
export function gapsBetween(a: Rect, b: Rect): { x: number; y: number } {
  return { x: Math.max(0, Math.max(a.x0, b.x0) - Math.min(a.x1, b.x1)), y: Math.max(0, Math.max(a.y0, b.y0) - Math.min(a.y1, b.y1)) };
}

/** Chinese lines join without a space; Latin words broken across lines get one, and a hyphen at a line's end is a break. */
export function joinLines(texts: readonly string[]): string {
  return texts.reduce((joined, text) => {
    if (!joined) return text;
    if (/[A-Za-z]-$/.test(joined) && /^[a-z]/.test(text)) return joined.slice(0, -1) + text;
    return /[A-Za-z0-9,.;:!?'"’”)]$/.test(joined) && /^[A-Za-z0-9"“‘'(]/.test(text) ? `${joined} ${text}` : joined + text;
  }, "");
}
