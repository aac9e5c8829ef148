import { z } from "zod";
import type { Locale } from "@/lib/errors/app-error";

// Why a page's PDF could not be made into its page image, as `pages.render_error`
// stores it: both languages as JSON, so the dashboard shows it in its reader's
// language. Rows written before hold plain Chinese text, shown as it is.

export type RenderError = Record<Locale, string>;

const storedSchema = z.object({ "zh-CN": z.string(), en: z.string() });

export function storeRenderError(error: RenderError): string {
  return JSON.stringify(error);
}

/** The stored reason in both languages (an old plain text in both), or null when there is none. */
export function readRenderError(stored: string | null | undefined): RenderError | null {
  if (!stored) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    parsed = undefined;
  }
  const both = storedSchema.safeParse(parsed);
  return both.success ? both.data : { "zh-CN": stored, en: stored };
}

/** The stored reason in `locale`, or null when there is none. */
export function renderErrorFor(stored: string | null | undefined, locale: Locale): string | null {
  return readRenderError(stored)?.[locale] ?? null;
}
