import type { LineRole, RoledLine } from "./article-text";
import type { Rule } from "./extract-graphics";
import type { TextLine } from "./extract-text-blocks";
import { foldText, gramsOf } from "./fold-text";
import type { PageArticle } from "./page-article";
import { bodySizeOf, gapsBetween, isDisplay } from "./page-typography";
import type { PageLayout } from "./read-page-layout";
import { area, height, overlap1d, union, width, type Rect } from "./rect";
import { growIntoBlock, outlineOf } from "./region-shape";

/** A story as the newsroom has it: the text that should be on the page, before the layout desk's edits. */
export interface StoryText {
  key: string;
  kicker: string | null;
  headline: string;
  subtitle: string | null;
  /** Bylines as printed (□江门日报记者/何榕), or the names. */
  bylines: string[];
  /** Paragraphs and subheads. */
  body: string[];
  /** Photo captions and credits. */
  captions: string[];
}

/** A line belongs to a story when at least this share of its text (weighted) is found in the story. */
const LINE_SCORE = 0.45;
/** …and the second best story scores this much less. */
const LINE_MARGIN = 0.15;

type Field = LineRole;
const DISPLAY_FIELDS: Field[] = ["headline", "kicker", "subtitle"];
const TEXT_FIELDS: Field[] = ["body", "byline", "caption", "subtitle", "kicker"];

interface StoryIndex {
  grams: Set<string>;
  fields: Map<Field, Set<string>>;
  headline: string;
}

function indexStory(story: StoryText): StoryIndex {
  const fields = new Map<Field, Set<string>>();
  const add = (field: Field, texts: readonly (string | null)[]) => {
    const set = fields.get(field) ?? new Set<string>();
    for (const text of texts) if (text) for (const gram of gramsOf(foldText(text))) set.add(gram);
    fields.set(field, set);
  };
  add("kicker", [story.kicker]);
  add("headline", [story.headline]);
  add("subtitle", [story.subtitle]);
  add("byline", story.bylines);
  add("body", story.body);
  add("caption", story.captions);
  const grams = new Set<string>();
  for (const set of fields.values()) for (const gram of set) grams.add(gram);
  return { grams, fields, headline: story.headline };
}

/** The printed line's text as compared: a hyphen at its end joins the next line's word. */
function lineGrams(line: TextLine): string[] {
  return [...new Set(gramsOf(foldText(line.text.replace(/(\p{L})-$/u, "$1"))))];
}

interface Assignment {
  story: number;
  role: LineRole;
  score: number;
}

/**
 * Each line's story: the one holding the largest share of its n-grams, where
 * a gram found in several stories counts for each by its share (1/n). A line
 * too short to tell (under two grams) waits for its neighbours.
 */
function assignLines(lines: readonly TextLine[], stories: readonly StoryIndex[], bodySize: number): (Assignment | null)[] {
  const frequency = new Map<string, number>();
  for (const story of stories) for (const gram of story.grams) frequency.set(gram, (frequency.get(gram) ?? 0) + 1);
  return lines.map((line) => {
    const grams = lineGrams(line);
    if (grams.length < 2) return null;
    const weight = (gram: string) => 1 / (frequency.get(gram) ?? 1);
    const total = grams.reduce((sum, gram) => sum + weight(gram), 0);
    const scores = stories.map((story) => grams.reduce((sum, gram) => sum + (story.grams.has(gram) ? weight(gram) : 0), 0) / total);
    const ranked = scores.map((score, story) => ({ score, story })).sort((a, b) => b.score - a.score);
    const [best, second] = ranked;
    if (!best || best.score < LINE_SCORE || (second && best.score - second.score < LINE_MARGIN)) return null;
    const story = stories[best.story]!;
    const fields = isDisplay(line, bodySize) ? DISPLAY_FIELDS : TEXT_FIELDS;
    let role: LineRole = isDisplay(line, bodySize) ? "headline" : "body";
    let roleScore = 0;
    for (const field of fields) {
      const set = story.fields.get(field)!;
      const found = grams.filter((gram) => set.has(gram)).length / grams.length;
      // Ties go to the first field: the headline among display lines, the body among the rest.
      if (found > roleScore + 0.05) [role, roleScore] = [field, found];
    }
    return { story: best.story, role, score: best.score };
  });
}

/** Two lines of one article: in one column close above each other, side by side in neighbouring columns, or a headline over its body. */
function near(a: Rect, b: Rect, bodySize: number): boolean {
  const gaps = gapsBetween(a, b);
  const lineHeight = Math.max(height(a), height(b), bodySize);
  if (gaps.x === 0) return gaps.y <= lineHeight * 3;
  if (gaps.y === 0) return gaps.x <= bodySize * 4;
  return gaps.x <= bodySize * 4 && gaps.y <= lineHeight * 2;
}

/** A line and a photo of one article: the photo right above or below the line, over the same columns. */
function stacked(a: Rect, b: Rect, bodySize: number): boolean {
  const gaps = gapsBetween(a, b);
  return gaps.x === 0 && overlap1d(a.x0, a.x1, b.x0, b.x1) >= 0.3 * Math.min(width(a), width(b)) && gaps.y <= Math.max(bodySize * 3, Math.min(height(a), height(b)));
}

/**
 * Indices of the largest connected group (by characters), plus groups at
 * least a third its size. Lines connect by `near`; a photo (weight 0) only
 * bridges lines set right above and below it (a headline over the picture,
 * the body under it), not a credit or a line of another story beside it.
 */
function mainGroups(rects: readonly Rect[], weights: readonly number[], isPicture: readonly boolean[], bodySize: number): Set<number> {
  const parent = rects.map((_, index) => index);
  const find = (index: number): number => (parent[index] === index ? index : (parent[index] = find(parent[index]!)));
  for (let i = 0; i < rects.length; i += 1) {
    for (let j = i + 1; j < rects.length; j += 1) {
      if (isPicture[i] && isPicture[j]) continue;
      const linked = isPicture[i] || isPicture[j] ? stacked(rects[i]!, rects[j]!, bodySize) : near(rects[i]!, rects[j]!, bodySize);
      if (linked) parent[find(i)] = find(j);
    }
  }
  const sizes = new Map<number, number>();
  rects.forEach((_, index) => sizes.set(find(index), (sizes.get(find(index)) ?? 0) + weights[index]!));
  const largest = Math.max(...sizes.values());
  return new Set(rects.map((_, index) => index).filter((index) => sizes.get(find(index))! * 3 >= largest));
}

/**
 * The photo's story: the one whose caption is printed against it; else the one
 * it sits in (its lines above and below it), or whose headline is set right
 * under it, or the only one beside it. A photo whose caption under it is
 * mostly no story's text is a picture of its own (a photo-news item, a
 * teaser), even if a credit line on it reads like a story's credit.
 */
function figureOwner(figure: Rect, lines: readonly TextLine[], owners: readonly (Assignment | null)[], bodySize: number): number | null {
  const reach = bodySize * 3;
  const captionVotes = new Map<number, number>();
  const sides = new Map<number, { above: boolean; below: boolean; headlineBelow: boolean; beside: boolean }>();
  let ownCaption = 0;
  lines.forEach((line, index) => {
    const owner = owners[index];
    const gaps = gapsBetween(figure, line.bbox);
    const spans = overlap1d(figure.x0, figure.x1, line.bbox.x0, line.bbox.x1) >= 0.3 * Math.min(width(line.bbox), width(figure));
    if (!owner) {
      if (spans && line.bbox.y0 >= figure.y1 - 1 && gaps.y <= reach * 2) ownCaption += line.text.length;
      return;
    }
    if (owner.role === "caption" && gaps.y <= reach && gaps.x <= reach) captionVotes.set(owner.story, (captionVotes.get(owner.story) ?? 0) + line.text.length);
    const side = sides.get(owner.story) ?? { above: false, below: false, headlineBelow: false, beside: false };
    if (spans && gaps.y <= reach) {
      if (line.bbox.y0 >= figure.y1 - 1) {
        side.below = true;
        if (owner.role === "headline" || owner.role === "kicker") side.headlineBelow = true;
      } else if (line.bbox.y1 <= figure.y0 + 1) side.above = true;
    }
    if (gaps.y === 0 && gaps.x <= reach) side.beside = true;
    sides.set(owner.story, side);
  });
  const votedCaption = [...captionVotes].sort((a, b) => b[1] - a[1])[0];
  if (ownCaption >= 20 && ownCaption > (votedCaption?.[1] ?? 0)) return null;
  if (votedCaption) return votedCaption[0];
  const pick = (test: (side: { above: boolean; below: boolean; headlineBelow: boolean; beside: boolean }) => boolean) => {
    const matching = [...sides].filter(([, side]) => test(side)).map(([story]) => story);
    return matching.length === 1 ? matching[0]! : null;
  };
  return pick((side) => side.above && side.below) ?? pick((side) => side.headlineBelow) ?? pick((side) => side.beside || side.below || side.above);
}

/** Passes over the unclaimed lines: each pass reaches one line further from the claimed ones. */
const ATTACH_PASSES = 12;

/**
 * Lines nobody claimed, next to an article's own lines in the same column (a
 * paragraph's short last line, a jump line, a photo credit) or a drop cap
 * against its first lines, join that article when exactly one is that close.
 * Between two articles' lines in one column (one brief ending, the next
 * starting), a line goes on the paragraph above it unless it is set in as a
 * paragraph's first line.
 */
function attachNeighbours(lines: readonly TextLine[], owners: (Assignment | null)[], extras: readonly { rect: Rect; story: number }[], rules: readonly Rule[], bodySize: number): void {
  const horizontal = rules.filter((rule) => rule.orientation === "horizontal").map((rule) => rule.bbox);
  // A rule between two lines (the double rule between stories) parts them.
  const parted = (a: Rect, b: Rect) => {
    const [upper, lower] = a.y0 <= b.y0 ? [a, b] : [b, a];
    return horizontal.some((rule) => rule.y0 >= upper.y1 - 1 && rule.y1 <= lower.y0 + 1 && overlap1d(rule.x0, rule.x1, a.x0, a.x1) > 0 && overlap1d(rule.x0, rule.x1, b.x0, b.x1) > 0);
  };
  // Which lines (and photos) touch which, worked out once: only who owns them changes between passes.
  interface Touch {
    other: number | null;
    story: number | null;
    gap: number;
    above: boolean;
    below: boolean;
    x0: number;
  }
  const touches = new Map<number, Touch[]>();
  lines.forEach((line, index) => {
    if (owners[index]) return;
    const dropCap = line.size >= bodySize * 2 && foldText(line.text).length <= 2;
    if (isDisplay(line, bodySize) && !dropCap) return;
    const list: Touch[] = [];
    const consider = (rect: Rect, other: number | null, story: number | null) => {
      const gaps = gapsBetween(line.bbox, rect);
      // From under a headline, the gap to the body is about the headline's own height.
      const lineHeight = Math.max(height(line.bbox), height(rect), bodySize);
      const column = gaps.x === 0 && overlap1d(line.bbox.x0, line.bbox.x1, rect.x0, rect.x1) >= 0.3 * Math.min(width(line.bbox), width(rect));
      if (column && gaps.y <= lineHeight * 1.6 && !parted(line.bbox, rect)) {
        list.push({ other, story, gap: gaps.y, above: rect.y1 <= line.bbox.y0 + 1, below: rect.y0 >= line.bbox.y1 - 1, x0: rect.x0 });
      } else if (dropCap && gaps.y === 0 && gaps.x <= bodySize * 2) list.push({ other, story, gap: Infinity, above: false, below: false, x0: rect.x0 });
    };
    lines.forEach((other, otherIndex) => {
      if (otherIndex !== index) consider(other.bbox, otherIndex, null);
    });
    for (const extra of extras) consider(extra.rect, null, extra.story);
    if (list.length > 0) touches.set(index, list);
  });
  for (let pass = 0; pass < ATTACH_PASSES; pass += 1) {
    let changed = false;
    for (const [index, list] of touches) {
      if (owners[index]) continue;
      const line = lines[index]!;
      const candidates = new Set<number>();
      let above: Touch | null = null;
      let below: Touch | null = null;
      for (const touch of list) {
        const story = touch.other === null ? touch.story : (owners[touch.other]?.story ?? null);
        if (story === null) continue;
        candidates.add(story);
        const entry = { ...touch, story };
        if (touch.above && (!above || touch.gap < above.gap)) above = entry;
        if (touch.below && (!below || touch.gap < below.gap)) below = entry;
      }
      let story = candidates.size === 1 ? [...candidates][0]! : null;
      if (story === null && candidates.size > 1) {
        const [up, down] = [above as Touch | null, below as Touch | null];
        const setIn = down !== null && line.bbox.x0 - down.x0 >= bodySize;
        story = setIn ? down.story : (up?.story ?? null);
      }
      if (story !== null) {
        owners[index] = { story, role: "body", score: 0 };
        changed = true;
      }
    }
    if (!changed) return;
  }
}

/** A run of lines this short, inside another story's column, is a stock phrase both stories use. */
const MAX_BORROWED_RUN = 4;

/**
 * A few lines matched to one story in the middle of another story's column
 * (the same line above and below the run is the other's) are that other's:
 * a city daily repeats its stock phrases (签订合作协议，共同推进…领域合作)
 * in many stories, and a column of text does not switch stories for a line.
 */
function keepColumnsWhole(lines: readonly TextLine[], owners: (Assignment | null)[], bodySize: number): void {
  // The next line down in the same column, if close.
  const next = lines.map((line) => {
    let best: number | null = null;
    lines.forEach((other, index) => {
      const gap = other.bbox.y0 - line.bbox.y1;
      // One column: overlapping, or starting within an indent of each other (a paragraph's short last line, the next one set in).
      const column = overlap1d(line.bbox.x0, line.bbox.x1, other.bbox.x0, other.bbox.x1) >= 0.5 * Math.min(width(line.bbox), width(other.bbox)) || Math.abs(line.bbox.x0 - other.bbox.x0) <= bodySize * 3;
      if (column && gap >= -1 && gap <= Math.max(height(line.bbox), bodySize) * 1.6 && (best === null || other.bbox.y0 < lines[best]!.bbox.y0)) best = index;
    });
    return best;
  });
  const previous = new Map<number, number>();
  next.forEach((below, index) => {
    if (below !== null) previous.set(below, index);
  });
  lines.forEach((_, start) => {
    const story = owners[start]?.story;
    const above = previous.get(start);
    if (story === undefined || above === undefined || (previous.has(above) && owners[above]?.story === story)) return;
    // The run: this story's lines (and unmatched ones) down the column from here.
    const outerAbove = owners[above]?.story;
    if (outerAbove === undefined || outerAbove === story) return;
    const run: number[] = [];
    let cursor: number | null = start;
    while (cursor !== null && (owners[cursor] === null || owners[cursor]!.story === story) && run.length <= MAX_BORROWED_RUN) {
      run.push(cursor);
      cursor = next[cursor] ?? null;
    }
    if (cursor === null || run.length > MAX_BORROWED_RUN || owners[cursor]?.story !== outerAbove) return;
    for (const index of run) owners[index] = { story: outerAbove, role: "body", score: 0 };
  });
}

/**
 * Lines whose text the layout desk rewrote match no story; the page's
 * geometry still says whose they are. In an article block found from the
 * geometry (`blocks`) where one story owns nearly all the lines that matched,
 * the block's unmatched lines are that story's too: body text, or a deck or
 * kicker when set in display type under or over its headline.
 */
function fillBlocks(lines: readonly TextLine[], owners: (Assignment | null)[], blocks: readonly Rect[], bodySize: number): void {
  for (const block of blocks) {
    const inside = lines.flatMap((line, index) => {
      const cx = (line.bbox.x0 + line.bbox.x1) / 2;
      const cy = (line.bbox.y0 + line.bbox.y1) / 2;
      return cx >= block.x0 && cx <= block.x1 && cy >= block.y0 && cy <= block.y1 ? [index] : [];
    });
    const chars = new Map<number, number>();
    let matched = 0;
    for (const index of inside) {
      const owner = owners[index];
      if (!owner) continue;
      chars.set(owner.story, (chars.get(owner.story) ?? 0) + lines[index]!.text.length);
      matched += lines[index]!.text.length;
    }
    const [dominant] = [...chars].sort((a, b) => b[1] - a[1]);
    if (!dominant || dominant[1] < 0.85 * matched) continue;
    const headlineTop = Math.min(
      ...inside.filter((index) => owners[index]?.role === "headline").map((index) => lines[index]!.bbox.y0),
    );
    for (const index of inside) {
      if (owners[index]) continue;
      const line = lines[index]!;
      const role: LineRole = !isDisplay(line, bodySize) ? "body" : line.bbox.y1 <= headlineTop ? "kicker" : "subtitle";
      owners[index] = { story: dominant[0], role, score: 0 };
    }
  }
}

/**
 * Finds each story's article on the page from the story's own text: every
 * printed line goes to the story whose text it is (tolerating what the layout
 * desk changed: n-grams of folded text survive rewritten words, numbers set
 * another way, hyphenation, line breaks, full-width forms and 繁/简); a story's
 * stray matches far from its article (a teaser in an index strip) are dropped;
 * photos go with their captions; short lines, drop caps, jump lines and photo
 * credits go with the lines they touch. The region is the outline of all of
 * it. Text of no story (masthead, folio, ads, index strips, stories the
 * newsroom does not have) makes no region. A story with no line on the page
 * gets none.
 */
export function anchorStories(layout: PageLayout, stories: readonly StoryText[], blocks: readonly Rect[] = []): PageArticle[] {
  const { lines } = layout;
  if (lines.length === 0 || stories.length === 0) return [];
  const bodySize = bodySizeOf(lines);
  const indexes = stories.map(indexStory);
  const owners = assignLines(lines, indexes, bodySize);
  // Lines too short or too common to tell (a paragraph's last line, a stock
  // phrase) join the lines around them first, so that they bridge a story's
  // column instead of cutting it in two.
  attachNeighbours(lines, owners, [], layout.rules, bodySize);
  keepColumnsWhole(lines, owners, bodySize);

  const pageArea = layout.width * layout.height;
  // A picture filling half the page is a scan or a background, not a photo.
  const pictures = layout.figures.filter((figure) => area(figure) < pageArea * 0.5);

  // Stray matches: only a story's main group of lines is its article.
  stories.forEach((_, story) => {
    const members = owners.flatMap((owner, index) => (owner?.story === story ? [index] : []));
    if (members.length === 0) return;
    // Photos bridge a headline set above a picture to the body under it.
    const keep = mainGroups(
      [...members.map((index) => lines[index]!.bbox), ...pictures],
      [...members.map((index) => lines[index]!.text.length), ...pictures.map(() => 0)],
      [...members.map(() => false), ...pictures.map(() => true)],
      bodySize,
    );
    members.forEach((index, position) => {
      if (!keep.has(position)) owners[index] = null;
    });
  });

  const owned = pictures.map((rect) => ({ rect, story: figureOwner(rect, lines, owners, bodySize) }));
  const figures = owned.flatMap((figure) => (figure.story === null ? [] : [{ rect: figure.rect, story: figure.story }]));
  // A credit or caption line against another story's picture (or a stand-alone one) is not this story's.
  lines.forEach((line, index) => {
    const owner = owners[index];
    if (owner?.role !== "caption") return;
    const against = owned.filter((figure) => {
      const gaps = gapsBetween(figure.rect, line.bbox);
      return gaps.x <= bodySize * 3 && gaps.y <= bodySize * 3;
    });
    if (against.length > 0 && !against.some((figure) => figure.story === owner.story)) owners[index] = null;
  });
  fillBlocks(lines, owners, blocks, bodySize);
  attachNeighbours(lines, owners, figures, layout.rules, bodySize);

  const bounds = union([...lines.map((line) => line.bbox), ...pictures, ...layout.rules.map((rule) => rule.bbox)]);
  const articles: PageArticle[] = [];
  stories.forEach((story, index) => {
    const own: RoledLine[] = lines.flatMap((line, lineIndex) => {
      const owner = owners[lineIndex];
      return owner?.story === index ? [{ line, role: owner.role }] : [];
    });
    if (own.length === 0) return;
    const rects = [...own.map((entry) => entry.line.bbox), ...figures.filter((figure) => figure.story === index).map((figure) => figure.rect)];
    const others = [
      ...lines.filter((_, lineIndex) => owners[lineIndex]?.story !== index).map((line) => line.bbox),
      ...pictures.filter((picture) => !figures.some((figure) => figure.story === index && figure.rect === picture)),
    ];
    const shape = growIntoBlock(outlineOf(rects, { snap: bodySize * 2, maxGap: bodySize * 3 }), { rules: layout.rules, others, bounds }, { snap: bodySize * 2, reach: bodySize * 1.5 });
    const headline = own.filter((entry) => entry.role === "headline");
    const found = new Set(headline.flatMap((entry) => lineGrams(entry.line)));
    const wanted = indexes[index]!.fields.get("headline")!;
    const confidence = wanted.size > 0 ? [...wanted].filter((gram) => found.has(gram)).length / wanted.size : 0;
    articles.push({ storyKey: story.key, shape, lines: own, confidence: Math.round(Math.max(confidence, 0.5) * 100) / 100 });
  });
  return articles;
}
