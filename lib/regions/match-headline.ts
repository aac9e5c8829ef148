/** Below this similarity a region and a story are not the same article. */
export const MATCH_THRESHOLD = 0.6;

/**
 * The headline reduced to what a reader compares: NFKC folds full-width
 * letters, digits and punctuation (５０００, ＡＩ, ，) into their half-width
 * forms; then punctuation, symbols and spaces go, because layout programs and
 * reporters set quotes, dashes and spaces differently (“招聘夜市” / "招聘夜市",
 * 协同育人 引才聚才 / 协同育人　引才聚才).
 */
export function normaliseHeadline(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[\p{P}\p{S}\p{Z}\s]/gu, "");
}

/** Length of the longest common subsequence of two character arrays. */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const charA of a) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 0; j < b.length; j += 1) row[j + 1] = charA === b[j] ? previous[j]! + 1 : Math.max(previous[j + 1]!, row[j]!);
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * How alike two headlines are, 0..1: the longest common subsequence of their
 * characters against their mean length (2·LCS / (|a| + |b|)). Chinese has no
 * spaces to split words on, and one character is already a word, so
 * characters are compared in order: a typo costs one character, a different
 * headline shares only a few common characters (江海, 发展) in order.
 */
export function headlineSimilarity(a: string, b: string): number {
  const left = [...normaliseHeadline(a)];
  const right = [...normaliseHeadline(b)];
  if (left.length === 0 || right.length === 0) return 0;
  return (2 * lcsLength(left, right)) / (left.length + right.length);
}

export interface HeadlineMatch {
  region: number;
  story: number;
  confidence: number;
}

/**
 * Pairs regions with stories, one story per region and one region per story:
 * the most similar pair first, then the next among those left. Greedy rather
 * than an optimal assignment: on one page a real match scores far above any
 * wrong pair, so the two only differ on near-ties, which the editor checks anyway.
 * Pairs under MATCH_THRESHOLD stay unmatched for the editor.
 */
export function matchHeadlines(regionHeadlines: readonly string[], storyHeadlines: readonly string[], threshold = MATCH_THRESHOLD): HeadlineMatch[] {
  const pairs: HeadlineMatch[] = [];
  regionHeadlines.forEach((regionHeadline, region) => {
    storyHeadlines.forEach((storyHeadline, story) => {
      const confidence = headlineSimilarity(regionHeadline, storyHeadline);
      if (confidence >= threshold) pairs.push({ region, story, confidence });
    });
  });
  pairs.sort((a, b) => b.confidence - a.confidence || a.region - b.region || a.story - b.story);
  const usedRegions = new Set<number>();
  const usedStories = new Set<number>();
  const matches: HeadlineMatch[] = [];
  for (const pair of pairs) {
    if (usedRegions.has(pair.region) || usedStories.has(pair.story)) continue;
    usedRegions.add(pair.region);
    usedStories.add(pair.story);
    matches.push(pair);
  }
  return matches.sort((a, b) => a.region - b.region);
}
