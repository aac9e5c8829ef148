// Calendar arithmetic of the archive (往期), kept pure so that URLs, queries and
// the calendars agree on what a year and a month are. Months are "YYYY-MM",
// days "YYYY-MM-DD", both calendar dates with no time zone (like edition dates).

const YEAR = /^\d{4}$/;
const MONTH = /^(0[1-9]|1[0-2])$/;

/** A year segment of an archive URL ("2023"), or null for anything else. */
export function parseArchiveYear(param: string | undefined): number | null {
  if (!param || !YEAR.test(param)) return null;
  const year = Number(param);
  return year >= 1000 ? year : null;
}

/**
 * A month of an archive URL (/archive/2023/03) as "2023-03", or null. Only the
 * two-digit form is accepted, so each month has one URL.
 */
export function parseArchiveMonth(yearParam: string | undefined, monthParam: string | undefined): string | null {
  const year = parseArchiveYear(yearParam);
  if (year === null || !monthParam || !MONTH.test(monthParam)) return null;
  return `${year}-${monthParam}`;
}

/** Half-open range [from, to) of edition dates in a year, as Dates at 00:00 UTC. */
export function yearBounds(year: number): { from: Date; to: Date } {
  return { from: new Date(Date.UTC(year, 0, 1)), to: new Date(Date.UTC(year + 1, 0, 1)) };
}

/** Half-open range [from, to) of edition dates in a month ("2023-12" → Dec 1 to Jan 1). */
export function monthBounds(month: string): { from: Date; to: Date } {
  const { year, month: number } = splitMonth(month);
  // Date.UTC rolls month 12 over into January of the next year.
  return { from: new Date(Date.UTC(year, number - 1, 1)), to: new Date(Date.UTC(year, number, 1)) };
}

export function splitMonth(month: string): { year: number; month: number } {
  return { year: Number(month.slice(0, 4)), month: Number(month.slice(5, 7)) };
}

/** "2023-03" for year 2023 and month 3. */
export function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}

/**
 * The entries before and after `current` in a list sorted newest first (years
 * or months that have editions): gaps are skipped, so a link never leads to an
 * empty year or month, which would be a 404.
 */
export function olderAndNewer<T>(newestFirst: readonly T[], current: T): { older?: T; newer?: T } {
  const index = newestFirst.indexOf(current);
  if (index < 0) return {};
  return { older: newestFirst[index + 1], newer: index > 0 ? newestFirst[index - 1] : undefined };
}

/**
 * The days of a month laid out in weeks starting on Sunday (as printed
 * calendars in China do); null pads the first and last week.
 */
export function monthWeeks(month: string): (string | null)[][] {
  const { year, month: number } = splitMonth(month);
  const firstWeekday = new Date(Date.UTC(year, number - 1, 1)).getUTCDay();
  const days = new Date(Date.UTC(year, number, 0)).getUTCDate();
  const cells: (string | null)[] = [
    ...Array<null>(firstWeekday).fill(null),
    ...Array.from({ length: days }, (_, i) => `${month}-${String(i + 1).padStart(2, "0")}`),
  ];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}
