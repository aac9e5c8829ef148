import { quoteLexeme } from "./document";
import { queryTokens, type QueryToken } from "./segment";

// What the reader typed → the terms of a search. Words outside quotes are
// ANDed; a quoted phrase must appear as written (its tokens at the same
// character distances as in the query). The tsquery is built from our own
// tokens, each quoted as a lexeme, so nothing typed is ever read as tsquery
// syntax (& | ! : * ( ) ' \ are just characters, and are dropped as punctuation).

/** Longer queries are cut (not refused): nobody types more, and the cost stays bounded. */
export const MAX_QUERY_LENGTH = 100;
/** Tokens beyond this are dropped (a 100-character query of single characters). */
export const MAX_QUERY_TOKENS = 32;

const QUOTES = new Set(['"', "“", "”", "„", "「", "」", "『", "』", "＂", "«", "»"]);

export interface QueryTerm {
  /** The words as typed (a phrase without its quotes). */
  text: string;
  phrase: boolean;
  tokens: QueryToken[];
}

export interface ParsedQuery {
  terms: QueryTerm[];
  /** The query was longer than MAX_QUERY_LENGTH, or had more than MAX_QUERY_TOKENS tokens. */
  truncated: boolean;
  /** Nothing but spaces. */
  blank: boolean;
}

export function parseSearchQuery(input: unknown): ParsedQuery {
  const raw = typeof input === "string" ? input : "";
  const chars = Array.from(raw.trim());
  let truncated = chars.length > MAX_QUERY_LENGTH;
  const text = chars.slice(0, MAX_QUERY_LENGTH).join("");

  const pieces: { text: string; phrase: boolean }[] = [];
  let inPhrase = false;
  let current = "";
  const flush = () => {
    // In a phrase, spaces between Chinese characters are not part of it (the text has none); others count as one.
    if (inPhrase) pieces.push({ text: current.replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, "").replace(/\s+/gu, " ").trim(), phrase: true });
    else for (const word of current.split(/\s+/u)) pieces.push({ text: word, phrase: false });
    current = "";
  };
  for (const char of text) {
    if (QUOTES.has(char)) {
      flush();
      inPhrase = !inPhrase;
    } else current += char;
  }
  flush();

  const terms: QueryTerm[] = [];
  let count = 0;
  for (const piece of pieces) {
    let tokens = queryTokens(piece.text);
    if (tokens.length === 0) continue;
    if (count + tokens.length > MAX_QUERY_TOKENS) {
      truncated = true;
      tokens = tokens.slice(0, MAX_QUERY_TOKENS - count);
      if (tokens.length === 0) break;
    }
    count += tokens.length;
    // A phrase of one token is just that word.
    terms.push({ text: piece.text, phrase: piece.phrase && tokens.length > 1, tokens });
  }
  return { terms, truncated, blank: text.trim() === "" };
}

interface Atom {
  lexeme: string;
  end: number;
}

/**
 * A token as lexemes to match in a row: itself, or for a word jieba does not
 * know (which the text may have cut differently) its characters, which the
 * index always holds.
 */
function atoms(token: QueryToken): Atom[] {
  if (!token.chars) return [token];
  const list: Atom[] = [];
  let end = token.end;
  for (const char of [...token.chars].reverse()) {
    list.unshift({ lexeme: char, end });
    end -= char.length;
  }
  return list;
}

/**
 * "a <d> b <e> c": each lexeme at its distance in characters from the one before.
 * (PostgreSQL measures from the end of the left side to the start of the right
 * one, so the chain is kept flat: every operand a single lexeme.)
 */
function chain(list: Atom[], weight: string): string {
  return list.map((atom, index) => (index === 0 ? "" : ` <${atom.end - list[index - 1]!.end}> `) + quoteLexeme(atom.lexeme) + weight).join("");
}

/**
 * The tsquery literal of the parsed query (null without terms). With `headlineOnly`
 * every lexeme is restricted to weight A, which tells whether the headline alone matches.
 */
export function toTsquery(query: ParsedQuery, options: { headlineOnly?: boolean } = {}): string | null {
  const weight = options.headlineOnly ? ":A" : "";
  const parts = query.terms.map((term) =>
    term.phrase ? chain(term.tokens.flatMap(atoms), weight) : term.tokens.map((token) => `( ${chain(atoms(token), weight)} )`).join(" & "),
  );
  return parts.length ? parts.map((part) => `( ${part} )`).join(" & ") : null;
}

/**
 * Every lexeme of the query ANDed, without distances or weights: a superset of
 * the query's matches that the GIN index answers exactly, without reading a
 * document (it keeps no positions, so phrases and weights need each matching
 * document read). Against the `head` column: the stories with all the query's
 * words in their head.
 */
export function toLooseTsquery(query: ParsedQuery): string | null {
  const lexemes = new Set(query.terms.flatMap((term) => term.tokens.flatMap(atoms)).map((atom) => atom.lexeme));
  return lexemes.size ? [...lexemes].map(quoteLexeme).join(" & ") : null;
}

/** Whether the query needs more than its loose form: a phrase or a word matched as its characters in a row. */
export function needsPositions(query: ParsedQuery): boolean {
  return query.terms.some((term) => (term.phrase && term.tokens.length > 1) || term.tokens.some((token) => token.chars));
}

/** The distinct words of the query, for highlighting. */
export function queryWords(query: ParsedQuery): string[] {
  return [...new Set(query.terms.flatMap((term) => term.tokens.map((token) => token.lexeme)))];
}
