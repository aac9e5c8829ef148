import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { toSimplified } from "./to-simplified";

// Chinese has no spaces between words, so text is cut into words here, in
// TypeScript, when it is written (jieba), and PostgreSQL only stores and matches
// the resulting lexemes. Index and query go through the same normalisation:
// NFKC (ＧＤＰ → gdp, ５０００ → 5000), lower case, and Traditional → Simplified
// (招商引資 → 招商引资), so either script finds the other.
//
// A token's position is the offset of its LAST character in the normalised text.
// Positions therefore do not depend on how a text happened to be segmented: a
// quoted phrase becomes "token <d> token" with d the distance in characters, and
// an unknown word (a name jieba made up from context) can also be matched as its
// characters in a row, which end where the word ends.

/**
 * Changing the rules below changes the lexemes: bump this so rows are rewritten at boot.
 * 2: single characters only where the text uses them alone or in an unknown word (see indexTokens).
 * 3: numbers with thousands separators are one number (5,000 is 5000); the "^word" head marks
 *    that version 2 wrote before the `head` column are gone.
 */
export const SEGMENTER_VERSION = 3;

/** Longer tokens (a pasted URL, a run of digits) are cut: PostgreSQL limits lexemes to 2 KB. */
export const MAX_TOKEN_LENGTH = 60;

export interface Token {
  lexeme: string;
  /** Offset (UTF-16 units) of the token's last character in the normalised text. */
  end: number;
}

export interface QueryToken extends Token {
  /**
   * For a word jieba does not know (made up by its HMM, e.g. a name): its
   * characters, so the query can also match them in a row where the text was cut
   * differently.
   */
  chars?: string[];
}

const globalForJieba = globalThis as unknown as { searchJieba?: Jieba };

/** The jieba instance with its default dictionary (loading takes ~200 ms, once per process). */
function jieba(): Jieba {
  globalForJieba.searchJieba ??= Jieba.withDict(dict);
  return globalForJieba.searchJieba;
}

/** The text as index and queries compare it: NFKC, lower case, Simplified. */
export function normalizeText(source: string): string {
  return toSimplified(source.normalize("NFKC").toLowerCase());
}

export interface FoldedText {
  text: string;
  /** origin[i]: offset in the source of the character that gave folded unit i; origin[text.length] = source length. */
  origin: number[];
}

/**
 * NFKC and lower case without the script conversion, character by character, with
 * a map back to the source: highlighting finds the query's words (in both
 * scripts) in this and marks them in the text as the reader sees it.
 */
export function foldWithOrigin(source: string): FoldedText {
  let text = "";
  const origin: number[] = [];
  let index = 0;
  for (const char of source) {
    const code = char.charCodeAt(0);
    // ASCII only lower-cases, and the CJK Unified Ideographs (most of a Chinese text) stay as they are:
    // normalizing each of them would take most of a results page's highlighting time.
    const folded = code < 0x80 ? char.toLowerCase() : code >= 0x4e00 && code <= 0x9fff ? char : char.normalize("NFKC").toLowerCase();
    text += folded;
    for (let unit = 0; unit < folded.length; unit += 1) origin.push(index);
    index += char.length;
  }
  origin.push(source.length);
  return { text, origin };
}

interface Run {
  kind: "han" | "word";
  start: number;
  text: string;
}

/**
 * Runs of Han characters, and runs of other letters and digits with connectors
 * inside them (covid-19, 3.5, o'neil, and the thousands separators of 5,000);
 * everything else (spaces, punctuation, emoji) separates tokens.
 */
const RUN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+(?:(?:[.\-'’_]|,(?=\d{3}(?!\d)))(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+)*)/gu;

/** A comma between a digit and three more (5,000; 1,234,567): a thousands separator. */
const THOUSANDS = /(?<=\d),(?=\d{3}(?!\d))/g;

/** A letters-and-digits run as one lexeme: thousands separators dropped, so 5,000 and 5000 are one word. */
const wholeWord = (text: string) => text.replace(THOUSANDS, "");

function runsOf(text: string): Run[] {
  return Array.from(text.matchAll(RUN), (match) => ({ kind: match[1] ? "han" : "word", start: match.index, text: match[0] }));
}

function clip(lexeme: string): string {
  return lexeme.length <= MAX_TOKEN_LENGTH ? lexeme : Array.from(lexeme).slice(0, MAX_TOKEN_LENGTH).join("");
}

/** Pieces of a word run: the parts between connectors, and letters apart from digits (iphone15 → iphone, 15). */
function wordParts(run: Run): Token[] {
  const parts: Token[] = [];
  for (const match of run.text.matchAll(/[^.\-'’_,]+/gu)) {
    const start = run.start + match.index;
    parts.push({ lexeme: match[0], end: start + match[0].length - 1 });
    const pieces = [...match[0].matchAll(/\p{N}+|[^\p{N}]+/gu)];
    if (pieces.length > 1) {
      for (const piece of pieces) parts.push({ lexeme: piece[0], end: start + piece.index + piece[0].length - 1 });
    }
  }
  return parts;
}

/** jieba's best segmentation of a Han run (HMM on, so unknown names come out whole), with offsets. */
function cutRun(run: Run): Token[] {
  const words = jieba().cut(run.text, true);
  const tokens: Token[] = [];
  let offset = 0;
  for (const word of words) {
    const at = run.text.startsWith(word, offset) ? offset : run.text.indexOf(word, offset);
    if (at < 0) continue;
    tokens.push({ lexeme: word, end: run.start + at + word.length - 1 });
    offset = at + word.length;
  }
  return tokens;
}

/**
 * Every token of a text for the index, and the length of its normalised form:
 * jieba's words (HMM), every dictionary word found anywhere in it (jieba's full
 * mode: 江门市 also gives 江门, 门市; 招商引资 also 招商, 引资), and for letters
 * and digits the whole token and its parts (covid-19, covid, 19; iphone15,
 * iphone, 15). A query word from the dictionary is therefore found wherever it
 * occurs, however the text was cut.
 *
 * Han characters are indexed on their own where jieba's cut leaves them alone
 * or inside a word it does not know (a name its HMM made up: 何榕), which is
 * where a query's unknown word, matched as its characters in a row, can occur.
 * Characters inside dictionary words are not: they were half of every document
 * (positions of 的, 发, 展…) and every search reads documents whole (ranking,
 * phrase checks). So a one-character query finds the character where it stands
 * alone (鱼 in 买鱼), not inside words (鱼塘).
 */
export function indexTokens(source: string): { tokens: Token[]; length: number } {
  const text = normalizeText(source);
  const tokens: Token[] = [];
  for (const run of runsOf(text)) {
    if (run.kind === "word") {
      tokens.push({ lexeme: wholeWord(run.text), end: run.start + run.text.length - 1 });
      if (run.text.length > 1) tokens.push(...wordParts(run));
      continue;
    }
    const words = cutRun(run);
    tokens.push(...words);
    // Full mode lists every dictionary word in the run (and no word the HMM made up).
    const known = new Set(jieba().cutAll(run.text));
    for (const word of known) {
      if (word.length < 2) continue;
      for (let at = run.text.indexOf(word); at >= 0; at = run.text.indexOf(word, at + 1)) {
        tokens.push({ lexeme: word, end: run.start + at + word.length - 1 });
      }
    }
    for (const word of words) {
      const chars = Array.from(word.lexeme);
      if (chars.length > 1 && known.has(word.lexeme)) continue;
      let end = word.end - word.lexeme.length;
      for (const char of chars) {
        end += char.length;
        if (chars.length > 1) tokens.push({ lexeme: char, end });
      }
    }
  }
  return { tokens: tokens.map((token) => ({ ...token, lexeme: clip(token.lexeme) })), length: text.length };
}

/** Whether jieba's dictionary has the word (full mode returns a known word itself). */
function isDictionaryWord(word: string): boolean {
  return jieba().cutAll(word).includes(word);
}

/**
 * The tokens of a query term, in order: jieba's words for Han text, the whole
 * token for letters and digits (5000万元 → 5000, 万元; GDP → gdp).
 */
export function queryTokens(source: string): QueryToken[] {
  const text = normalizeText(source);
  const tokens: QueryToken[] = [];
  for (const run of runsOf(text)) {
    if (run.kind === "word") {
      tokens.push({ lexeme: clip(wholeWord(run.text)), end: run.start + run.text.length - 1 });
      continue;
    }
    for (const token of cutRun(run)) {
      const chars = Array.from(token.lexeme);
      const unknown = chars.length > 1 && !isDictionaryWord(token.lexeme);
      tokens.push({ lexeme: clip(token.lexeme), end: token.end, ...(unknown ? { chars } : {}) });
    }
  }
  return tokens;
}

/**
 * Loads jieba's dictionary and the script converters (about a second of CPU,
 * once per process), so the first search or save after a start is not the slow one.
 */
export function warmUpSegmenter(): void {
  queryTokens("招商引資 GDP");
}

/** jieba's words of a text, normalised (for tests and tools). */
export function segmentWords(source: string): string[] {
  return queryTokens(source).map((token) => token.lexeme);
}
