import type { Locale } from "@/lib/errors/app-error";

// Why an import folder was refused, in both of the dashboard's languages: the
// command prints the Chinese, the dashboard shows the user's language.

export type ManifestProblem = Record<Locale, string>;

/** The same problem in Chinese and English. */
export const problem = (zh: string, en: string): ManifestProblem => ({ "zh-CN": zh, en });

/** "第 12 行 pages[2].stories[0].headline: …" / "line 12 pages[2].stories[0].headline: …" */
export function atLine(line: number | null, field: string, message: ManifestProblem): ManifestProblem {
  return problem(`${line ? `第 ${line} 行 ` : ""}${field}: ${message["zh-CN"]}`, `${line ? `line ${line} ` : ""}${field}: ${message.en}`);
}

/**
 * English for the Chinese messages written into the manifest schema (which
 * zod's locales cannot translate); a message not listed is shown as it is.
 */
export const SCHEMA_MESSAGES_EN: Record<string, string> = {
  署名不能为空: "a byline needs a name",
  标题不能为空: "a headline is required",
  "版号应为字母加数字，如 A05": "a page number is letters and digits, like A05",
  版名不能为空: "a page name is required",
  "日期格式应为 YYYY-MM-DD": "a date is written YYYY-MM-DD",
  不是有效的日期: "not a real date",
  至少需要一个版面: "at least one page is needed",
};
