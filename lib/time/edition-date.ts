// An edition's date is a calendar date (Postgres `date`), carried in JS as a Date
// at 00:00 UTC. These helpers keep that convention in one place.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `iso` is a real calendar date written yyyy-mm-dd (2023-02-30 is not). */
export function isEditionDate(iso: string): boolean {
  if (!ISO_DATE.test(iso)) return false;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso);
}

export function editionDate(iso: string): Date {
  if (!isEditionDate(iso)) throw new Error(`Invalid edition date: ${iso}`);
  return new Date(`${iso}T00:00:00Z`);
}

export function isoEditionDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const WEEKDAYS = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"] as const;

/** "2023年3月13日 星期一" — the seed's blank weekday is the bug we fix. */
export function formatEditionDateZh(date: Date): string {
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日 ${WEEKDAYS[date.getUTCDay()]}`;
}
