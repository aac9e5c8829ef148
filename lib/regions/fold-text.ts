import { toSimplified } from "@/lib/search/to-simplified";

/**
 * Text reduced to what survives a layout desk: NFKC (full-width ５０００ and
 * ＡＩ fold to 5000 and ai), lower case, Simplified script (招商引資 → 招商引资),
 * and only letters and digits, so punctuation, spaces, line breaks and
 * thousands separators (5,000 / 5000) do not count. A word hyphenated at the
 * end of a printed line ("provi-") joins its other half because the hyphen goes.
 */
export function foldText(text: string): string {
  return toSimplified(text.normalize("NFKC").toLowerCase()).replace(/[^\p{L}\p{N}]+/gu, "");
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

/** Mostly Chinese (or Japanese) characters: one character already carries a word's weight. */
export function isMostlyCjk(folded: string): boolean {
  let cjk = 0;
  let total = 0;
  for (const char of folded) {
    total += 1;
    if (CJK.test(char)) cjk += 1;
  }
  return total > 0 && cjk * 2 >= total;
}

/**
 * The overlapping character n-grams of a folded text: pairs for Chinese (a
 * two-character word is the unit), runs of five for alphabetic text (about a
 * word, across the spaces that folding removed).
 */
export function gramsOf(folded: string): string[] {
  const chars = [...folded];
  const n = isMostlyCjk(folded) ? 2 : 5;
  if (chars.length < n) return [];
  const grams: string[] = [];
  for (let index = 0; index + n <= chars.length; index += 1) grams.push(chars.slice(index, index + n).join(""));
  return grams;
}
