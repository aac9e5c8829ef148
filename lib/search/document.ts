import { indexTokens } from "./segment";

// The search document of an article as a tsvector literal, built here from the
// segmented text rather than by to_tsvector: PostgreSQL's parser would split the
// words again by its own (locale-dependent) rules, and it numbers positions by
// word, where ours are character offsets (see segment.ts). The literal is sent as
// a bound parameter and cast (`$1::tsvector`); lexemes are quoted and escaped.

/** A: headline; B: kicker, subtitle, summary; C: body and photo captions; D: bylines and credits. */
export type Weight = "A" | "B" | "C" | "D";

export interface DocumentField {
  weight: Weight;
  text: string | null | undefined;
}

/** PostgreSQL's limits: positions above 16383 are stored as 16383; at most 256 positions a lexeme. */
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 256;
/** Space between fields, so that a quoted phrase never matches across two of them. */
const FIELD_GAP = 100;

const STRENGTH: Record<Weight, number> = { A: 4, B: 3, C: 2, D: 1 };

/** A lexeme as tsvector and tsquery input spell it: quoted, with quotes and backslashes doubled. */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/**
 * The tsvector literal of the fields, in order. Short fields go first (headline,
 * kicker…, body last) so that the position limit only ever cuts into a very long
 * body, where the words are still found but phrases past it are not.
 */
export function buildDocument(fields: readonly DocumentField[]): string {
  const lexemes = new Map<string, Map<number, Weight>>();
  let base = 0;
  for (const field of fields) {
    if (!field.text?.trim()) continue;
    const { tokens, length } = indexTokens(field.text);
    for (const token of tokens) {
      const position = Math.min(base + token.end + 1, MAX_POSITION);
      let positions = lexemes.get(token.lexeme);
      if (!positions) lexemes.set(token.lexeme, (positions = new Map()));
      const stored = positions.get(position);
      if (!stored || STRENGTH[field.weight] > STRENGTH[stored]) positions.set(position, field.weight);
    }
    base += length + FIELD_GAP;
  }
  const entries: string[] = [];
  for (const [lexeme, positions] of lexemes) {
    const list = [...positions.entries()]
      .sort(([a], [b]) => a - b)
      .slice(0, MAX_POSITIONS_PER_LEXEME)
      .map(([position, weight]) => `${position}${weight}`);
    entries.push(`${quoteLexeme(lexeme)}:${list.join(",")}`);
  }
  return entries.join(" ");
}
