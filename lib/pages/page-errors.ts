import { AppError, type AppErrorCode } from "@/lib/errors/app-error";
import { pageMessages, type PageMessages } from "@/lib/i18n/messages/pages";

/** The largest page PDF accepted: layout systems export big files with embedded images. */
export const MAX_PAGE_PDF_BYTES = 100 * 1024 * 1024;

type PageErrors = PageMessages["errors"];
/** The messages that take no argument. */
type PlainError = { [K in keyof PageErrors]: PageErrors[K] extends string ? K : never }[keyof PageErrors];
/** The messages that name the page. */
type PageNumberError = { [K in keyof PageErrors]: PageErrors[K] extends (number: string) => string ? K : never }[keyof PageErrors];

/** An AppError with the pages module's message in both languages. */
export function pageError(code: AppErrorCode, key: PlainError): AppError {
  return new AppError(code, { "zh-CN": pageMessages["zh-CN"].errors[key], en: pageMessages.en.errors[key] });
}

/** The same for a message that names the page ("第A05版…"). */
export function pageNumberError(code: AppErrorCode, key: PageNumberError, number: string): AppError {
  return new AppError(code, { "zh-CN": pageMessages["zh-CN"].errors[key](number), en: pageMessages.en.errors[key](number) });
}
