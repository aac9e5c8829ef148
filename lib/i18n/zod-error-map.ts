import { z } from "zod";
import type { Locale } from "@/lib/errors/app-error";

/** zod's own messages in the dashboard's language. */
export function zodErrorMap(locale: Locale) {
  return locale === "en" ? z.locales.en().localeError : z.locales.zhCN().localeError;
}
