// Text a person could have typed: what every boundary (server actions, import
// manifests, sign-in, search) accepts. PostgreSQL refuses NUL in text, XML
// (the feeds, the sitemaps) refuses the other C0 controls and U+FFFE/U+FFFF,
// and a lone surrogate cannot be encoded as UTF-8 at all: such input is
// refused at the edge with a message, never left to fail deep inside.

/** Longer than any field a newsroom fills in (a story's body is many strings). */
export const MAX_TEXT_LENGTH = 100_000;

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export type TextProblem = "control" | "encoding" | "too-long";

export function textProblem(value: string, maxLength = MAX_TEXT_LENGTH): TextProblem | null {
  if (value.length > maxLength) return "too-long";
  if (CONTROL.test(value)) return "control";
  if (!value.isWellFormed()) return "encoding";
  return null;
}

export function isSafeText(value: string, maxLength = MAX_TEXT_LENGTH): boolean {
  return textProblem(value, maxLength) === null;
}

/** Drops what cannot be stored or searched for: for free-text queries, where refusing helps nobody. */
export function cleanText(value: string, maxLength = MAX_TEXT_LENGTH): string {
  return value.toWellFormed().replace(new RegExp(CONTROL.source, "g"), " ").slice(0, maxLength);
}

export interface TextProblemAt {
  /** Where the value is, as zod reports issue paths ([] for the value itself). */
  path: (string | number)[];
  problem: TextProblem;
}

/**
 * The first unsafe string anywhere in a decoded input (keys included), or
 * null. Depth is bounded: nothing a form sends nests this deep.
 */
export function findTextProblem(value: unknown, maxLength = MAX_TEXT_LENGTH): TextProblemAt | null {
  const visit = (current: unknown, path: (string | number)[]): TextProblemAt | null => {
    if (typeof current === "string") {
      const problem = textProblem(current, maxLength);
      return problem ? { path, problem } : null;
    }
    if (path.length > 32) return { path, problem: "too-long" };
    if (Array.isArray(current)) {
      for (const [index, item] of current.entries()) {
        const found = visit(item, [...path, index]);
        if (found) return found;
      }
      return null;
    }
    if (current !== null && typeof current === "object" && !(current instanceof Blob) && !(current instanceof Date)) {
      for (const [key, item] of Object.entries(current)) {
        const keyProblem = textProblem(key, 1_000);
        if (keyProblem) return { path, problem: keyProblem };
        const found = visit(item, [...path, key]);
        if (found) return found;
      }
    }
    if (current instanceof File) {
      const problem = textProblem(current.name, 1_000);
      return problem ? { path, problem } : null;
    }
    return null;
  };
  return visit(value, []);
}
