import hkVariants from "opencc-js/dict/HKVariants";
import traditionalToSimplified from "opencc-js/dict/TSCharacters";
import twVariants from "opencc-js/dict/TWVariants";
import { foldWithOrigin } from "./segment";

// Highlighted headlines and snippets as HTML: everything escaped, the query's
// words wrapped in <mark>. Matching is done on the text as stored (NFKC and lower
// case only): each character of a (Simplified) query word also matches the
// Traditional characters that convert to it, so a Traditional query marks
// Simplified text and the other way round, and the marks fall on the characters
// as the text spells them. Character tables (OpenCC's, a few thousand entries)
// load in milliseconds; OpenCC's phrase converters would take seconds to build.

export const SNIPPET_LENGTH = 120;
/** Characters kept before the first match of a snippet. */
const LEAD = 24;

let spellingsOf: Map<string, string[]> | undefined;

function pairs(dictionary: string): [string, string[]][] {
  return dictionary.split("|").map((entry) => {
    const [source = "", ...targets] = entry.split(" ");
    return [source, targets];
  });
}

/** Simplified character → the Traditional (and Hong Kong, Taiwan variant) characters that convert to it. */
function characterSpellings(): Map<string, string[]> {
  if (spellingsOf) return spellingsOf;
  const toSimplified = new Map(pairs(traditionalToSimplified));
  const spellings = new Map<string, Set<string>>();
  const add = (simplified: string, other: string) => {
    if (simplified === other) return;
    let set = spellings.get(simplified);
    if (!set) spellings.set(simplified, (set = new Set()));
    set.add(other);
  };
  for (const [traditional, simplified] of toSimplified) for (const one of simplified) add(one, traditional);
  for (const [standard, variants] of [...pairs(hkVariants), ...pairs(twVariants)]) {
    for (const variant of variants) for (const one of toSimplified.get(standard) ?? [standard]) add(one, variant);
  }
  spellingsOf = new Map([...spellings].map(([simplified, set]) => [simplified, [...set]]));
  return spellingsOf;
}

const escapeRegExp = (text: string) => text.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");

/** A pattern matching the word in any of its characters' spellings (and a number with thousands separators). */
function wordPattern(word: string): RegExp {
  const spellings = characterSpellings();
  const chars = Array.from(word);
  const source = chars.map((char, index) => {
    const others = spellings.get(char);
    const pattern = others ? `(?:${[char, ...others].map(escapeRegExp).join("|")})` : escapeRegExp(char);
    // 5000 marks 5,000 too, as the index finds it (segment.ts).
    return /\d/.test(char) && /\d/.test(chars[index - 1] ?? "") ? `,?${pattern}` : pattern;
  }).join("");
  return new RegExp(source, "gu");
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

interface Range {
  start: number;
  end: number;
  /** Index of the query word matched. */
  word: number;
}

const LETTER = /[\p{L}\p{M}]/u;
const DIGIT = /\p{N}/u;
const HAN = /\p{Script=Han}/u;

/** Letters and digits match whole tokens or their letter/digit parts, as the index does (15 in iphone15, not 5 in 5000). */
function sameClass(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || HAN.test(a) || HAN.test(b)) return false;
  return (LETTER.test(a) && LETTER.test(b)) || (DIGIT.test(a) && DIGIT.test(b));
}

/** Where the query's words occur in `source` (source offsets), merged, in order. */
export function findMatches(source: string, words: readonly string[]): Range[] {
  if (!source || words.length === 0) return [];
  const folded = foldWithOrigin(source);
  const found: Range[] = [];
  words.forEach((word, index) => {
    if (!word) return;
    const pattern = wordPattern(word);
    for (let match = pattern.exec(folded.text); match; match = pattern.exec(folded.text)) {
      const at = match.index;
      const after = at + match[0].length;
      // Overlapping occurrences too (the next search starts one character on).
      pattern.lastIndex = at + 1;
      if (sameClass(folded.text[at - 1], folded.text[at]) || sameClass(folded.text[after - 1], folded.text[after])) continue;
      // The source character of the last folded unit ends where the next source character starts.
      const last = folded.origin[after - 1]!;
      let next = after;
      while (next < folded.text.length && folded.origin[next]! <= last) next += 1;
      found.push({ start: folded.origin[at]!, end: next < folded.text.length ? folded.origin[next]! : source.length, word: index });
    }
  });
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const range of found) {
    const previous = merged.at(-1);
    if (previous && range.start <= previous.end) previous.end = Math.max(previous.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

function markup(source: string, ranges: readonly Range[], from = 0, to = source.length): string {
  let html = "";
  let at = from;
  for (const range of ranges) {
    const start = Math.max(range.start, from);
    const end = Math.min(range.end, to);
    if (end <= start) continue;
    html += escapeHtml(source.slice(at, start)) + "<mark>" + escapeHtml(source.slice(start, end)) + "</mark>";
    at = end;
  }
  return html + escapeHtml(source.slice(at, to));
}

/** The whole text, escaped, with the query's words marked (headlines). */
export function highlight(source: string, words: readonly string[]): string {
  return markup(source, findMatches(source, words));
}

/** Moves an offset off the second half of a surrogate pair. */
function codePointBoundary(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  return offset > 0 && code >= 0xdc00 && code <= 0xdfff ? offset - 1 : offset;
}

/**
 * About `length` characters of the text around the place where most of the
 * query's words occur (else its beginning), escaped, with the words marked and
 * "…" where it was cut. Line breaks become spaces.
 */
export function snippet(source: string, words: readonly string[], length = SNIPPET_LENGTH): { html: string; matched: boolean } {
  const text = source.replace(/\s*\n\s*/g, " ").trim();
  const ranges = findMatches(text, words);
  let start = 0;
  if (ranges.length) {
    let best = -1;
    for (const range of ranges) {
      const from = Math.max(0, range.start - LEAD);
      const inside = new Set(ranges.filter((other) => other.start >= from && other.end <= from + length).map((other) => other.word));
      if (inside.size > best) {
        best = inside.size;
        start = from;
      }
    }
  }
  start = codePointBoundary(text, Math.max(0, Math.min(start, text.length - length)));
  const end = codePointBoundary(text, Math.min(text.length, start + length));
  const html = markup(text, ranges, start, end);
  return { html: (start > 0 ? "…" : "") + html + (end < text.length ? "…" : ""), matched: ranges.length > 0 };
}
