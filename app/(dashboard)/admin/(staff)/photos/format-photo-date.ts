/** Photo times as the newsroom reads them: China time, in the dashboard's language. */
export function formatPhotoDate(iso: string, locale: "zh-CN" | "en", withTime = false): string {
  return new Intl.DateTimeFormat(locale, { timeZone: "Asia/Shanghai", dateStyle: "medium", ...(withTime ? { timeStyle: "short" } : {}) }).format(new Date(iso));
}
