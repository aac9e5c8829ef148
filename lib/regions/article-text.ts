import type { TextLine } from "./extract-text-blocks";
import { joinLines } from "./page-typography";
import type { StoryParts } from "./story-parts";

/** What a printed line is within its article. */
export type LineRole = "kicker" | "headline" | "subtitle" | "byline" | "body" | "caption";

export interface RoledLine {
  line: TextLine;
  role: LineRole;
}

/**
 * Lines of body text in reading order: column by column from left to right
 * (a column is the lines whose left edges line up, first-line indents
 * included), top to bottom within a column.
 */
export function readingOrder(lines: readonly TextLine[], bodySize: number): TextLine[][] {
  const tolerance = bodySize * 3;
  const columns: { left: number; lines: TextLine[] }[] = [];
  for (const line of [...lines].sort((a, b) => a.bbox.x0 - b.bbox.x0)) {
    const column = columns.find((candidate) => line.bbox.x0 - candidate.left >= -bodySize * 0.5 && line.bbox.x0 - candidate.left <= tolerance);
    if (column) column.lines.push(line);
    else columns.push({ left: line.bbox.x0, lines: [line] });
  }
  return columns.sort((a, b) => a.left - b.left).map((column) => column.lines.sort((a, b) => a.bbox.y0 - b.bbox.y0));
}

/**
 * Body lines joined into paragraphs. A paragraph starts where a line is set
 * in from its column's left edge (the first-line indent), after a line that
 * stops well short of the column's right edge, or after a gap of more than a
 * line. A paragraph running on into the next column continues there.
 */
export function paragraphsOf(lines: readonly TextLine[], bodySize: number): string[] {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  const close = () => {
    if (current.length) paragraphs.push(current);
    current = [];
  };
  for (const column of readingOrder(lines, bodySize)) {
    const left = Math.min(...column.map((line) => line.bbox.x0));
    const right = Math.max(...column.map((line) => line.bbox.x1));
    column.forEach((line, index) => {
      const previous = index > 0 ? column[index - 1]! : undefined;
      const indented = line.bbox.x0 - left >= line.size * 0.9;
      const shortBefore = previous !== undefined && right - previous.bbox.x1 >= previous.size * 2;
      const gapBefore = previous !== undefined && line.bbox.y0 - previous.bbox.y1 > line.size * 1.2;
      if (indented || shortBefore || gapBefore) close();
      current.push(line.text);
    });
  }
  close();
  return paragraphs.map((paragraph) => joinLines(paragraph)).filter((text) => text.trim() !== "");
}

const byPosition = (a: RoledLine, b: RoledLine) => a.line.bbox.y0 - b.line.bbox.y0 || a.line.bbox.x0 - b.line.bbox.x0;

/** An article's printed lines split into a story's fields: kicker, headline, subtitle, byline, paragraphs and captions. */
export function storyPartsOf(lines: readonly RoledLine[], bodySize: number): StoryParts {
  const texts = (role: LineRole) => lines.filter((entry) => entry.role === role).sort(byPosition).map((entry) => entry.line.text);
  const joined = (role: LineRole) => {
    const text = joinLines(texts(role)).trim();
    return text === "" ? null : text;
  };
  const captions = paragraphsOf(
    lines.filter((entry) => entry.role === "caption").map((entry) => entry.line),
    bodySize,
  );
  return {
    kicker: joined("kicker"),
    headline: joined("headline") ?? "",
    subtitle: joined("subtitle"),
    byline: joined("byline"),
    paragraphs: paragraphsOf(
      lines.filter((entry) => entry.role === "body").map((entry) => entry.line),
      bodySize,
    ),
    captions,
  };
}
