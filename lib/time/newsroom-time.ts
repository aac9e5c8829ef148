import { AppError } from "@/lib/errors/app-error";

// The newsroom works in Beijing time (UTC+8 all year, no daylight saving): a
// date typed in the dashboard means a whole day there, a time typed is a time
// there, and every time shown is shown there, whatever the server's zone.

export const NEWSROOM_TIME_ZONE = "Asia/Shanghai";
export const NEWSROOM_UTC_OFFSET = "+08:00";

/** The instant of a local date-time typed in the newsroom ("2026-12-08T06:00", seconds optional). */
export function atNewsroomTime(localDateTime: string): Date {
  return new Date(`${localDateTime}${localDateTime.length === 16 ? ":00" : ""}${NEWSROOM_UTC_OFFSET}`);
}

/** An Intl formatter in the newsroom's zone, 24-hour. */
export function newsroomDateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, { timeZone: NEWSROOM_TIME_ZONE, hour12: false, ...options });
}

/** The first instant of a YYYY-MM-DD day in the newsroom; a date that does not exist is refused. */
export function startOfNewsroomDay(date: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const instant = match ? atNewsroomTime(`${date}T00:00:00`) : new Date(Number.NaN);
  // new Date() rolls 2026-02-30 over to March: compare the calendar day back.
  if (Number.isNaN(instant.getTime()) || newsroomDate(instant) !== date) {
    throw new AppError("INVALID_INPUT", { "zh-CN": `日期“${date}”无效，请使用 年-月-日 格式。`, en: `“${date}” is not a valid date (use YYYY-MM-DD).` });
  }
  return instant;
}

/** The first instant of the day after. */
export function startOfNextNewsroomDay(date: string): Date {
  return new Date(startOfNewsroomDay(date).getTime() + 24 * 60 * 60 * 1000);
}

const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: NEWSROOM_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });
const timeFormat = new Intl.DateTimeFormat("en-GB", { timeZone: NEWSROOM_TIME_ZONE, hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });

/** YYYY-MM-DD in the newsroom. */
export function newsroomDate(instant: Date): string {
  return dayFormat.format(instant);
}

/** "2026-11-27 14:03:05", newsroom time, the same in both languages. */
export function formatNewsroomTime(instant: Date): string {
  return `${newsroomDate(instant)} ${timeFormat.format(instant)}`;
}
