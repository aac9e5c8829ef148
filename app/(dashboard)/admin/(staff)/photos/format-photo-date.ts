import { newsroomDateTimeFormat } from "@/lib/time/newsroom-time";
/** Photo times as the newsroom reads them: China time, in the dashboard's language. */
export function formatPhotoDate(iso: string, locale: "zh-CN" | "en", withTime = false): string {
  return newsroomDateTimeFormat(locale, { dateStyle: "medium", ...(withTime ? { timeStyle: "short" } : {}) }).format(new Date(iso));
}
