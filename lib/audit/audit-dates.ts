import { AppError } from "@/lib/errors/app-error";

// The newsroom works in Beijing time: a date range typed by an admin means whole
// days in Asia/Shanghai (UTC+8 all year, no daylight saving), and times are shown there.

export const AUDIT_TIME_ZONE = "Asia/Shanghai";
const OFFSET = "+08:00";

/** The first instant of a YYYY-MM-DD day in Beijing time. */
export function startOfShanghaiDay(date: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const instant = match ? new Date(`${date}T00:00:00${OFFSET}`) : new Date(Number.NaN);
  // new Date() rolls 2026-02-30 over to March: compare the calendar day back.
  if (Number.isNaN(instant.getTime()) || shanghaiDate(instant) !== date) {
    throw new AppError("INVALID_INPUT", { "zh-CN": `日期“${date}”无效，请使用 年-月-日 格式。`, en: `“${date}” is not a valid date (use YYYY-MM-DD).` });
  }
  return instant;
}

/** The first instant of the day after. */
export function startOfNextShanghaiDay(date: string): Date {
  return new Date(startOfShanghaiDay(date).getTime() + 24 * 60 * 60 * 1000);
}

const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: AUDIT_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });
const timeFormat = new Intl.DateTimeFormat("en-GB", { timeZone: AUDIT_TIME_ZONE, hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });

/** YYYY-MM-DD in Beijing time. */
export function shanghaiDate(instant: Date): string {
  return dayFormat.format(instant);
}

/** "2026-11-27 14:03:05", Beijing time, the same in both languages. */
export function formatShanghaiTime(instant: Date): string {
  return `${shanghaiDate(instant)} ${timeFormat.format(instant)}`;
}
