import { AppError, type AppErrorCode } from "@/lib/errors/app-error";
import { pageMessages, type PageMessages } from "@/lib/i18n/messages/pages";

/** The largest page PDF accepted: layout systems export big files with embedded images. */
export const MAX_PAGE_PDF_BYTES = 100 * 1024 * 1024;

/** An AppError with the pages module's message in both languages. */
export function pageError(code: AppErrorCode, key: keyof PageMessages["errors"]): AppError {
  return new AppError(code, { "zh-CN": pageMessages["zh-CN"].errors[key], en: pageMessages.en.errors[key] });
}
