import type { TextLayerIssue } from "@/lib/db/generated/enums";
import { bodySizeOf } from "./page-typography";
import type { PageLayout } from "./read-page-layout";
import { area } from "./rect";

/** Fewer printed characters than this: the PDF is a picture of a page (or blank). */
const MIN_CHARACTERS = 50;
/** More than this share of replacement, private-use or control characters: fonts without a Unicode map. */
const MAX_GARBLED_SHARE = 0.1;
/** A real text layer sets most of its characters in one body size; a scan's OCR guesses a size per word. */
const MIN_BODY_SHARE = 0.6;
/** A share of alphabetic words that are not words (l1ke, tbe;, ,—i) above this is OCR noise. */
const MAX_ODD_WORD_SHARE = 0.2;

/** A word as printed: letters with inner apostrophes or hyphens, with quotes and punctuation around it; or a number. */
const WORD = /^[("'“‘[]?\p{L}+(['’-]\p{L}+)*[)\]"'”’.,;:!?]*$|^[\d.,%$]+$/u;

/**
 * Whether the page's text layer can anchor article regions, and why not:
 * no text (a picture of a page), garbled characters (the Indian Express page
 * whose fonts map nearly every glyph to U+FFFD), or a scan with OCR text (one
 * picture covering the page, the text set in a size per word and full of
 * non-words). Chinese text has no spaces, so the word test only counts words
 * with letters.
 */
export function textLayerIssueOf(layout: PageLayout): TextLayerIssue | null {
  const text = layout.lines.map((line) => line.text).join(" ");
  const characters = [...text.replace(/\s+/g, "")];
  if (characters.length < MIN_CHARACTERS) return "NO_TEXT";
  const garbled = characters.filter((char) => /[\ufffd\ue000-\uf8ff\u0000-\u001f]/u.test(char)).length;
  if (garbled / characters.length > MAX_GARBLED_SHARE) return "GARBLED";

  const bodySize = bodySizeOf(layout.lines);
  const inBodySize = layout.lines.filter((line) => Math.abs(line.size - bodySize) <= 0.75).reduce((sum, line) => sum + line.text.length, 0);
  const bodyShare = inBodySize / layout.lines.reduce((sum, line) => sum + line.text.length, 0);
  const words = text.split(/\s+/).filter((word) => /\p{Script=Latin}/u.test(word));
  const oddShare = words.length > 0 ? words.filter((word) => !WORD.test(word)).length / words.length : 0;
  const pageArea = layout.width * layout.height;
  const scanned = layout.figures.some((figure) => area(figure) >= 0.8 * pageArea);
  if ((scanned && (bodyShare < MIN_BODY_SHARE || oddShare > MAX_ODD_WORD_SHARE)) || (bodyShare < MIN_BODY_SHARE * 0.75 && oddShare > MAX_ODD_WORD_SHARE)) {
    return "NOISY_OCR";
  }
  return null;
}
