import type { EditionMonth } from "@/lib/reader/find-edition-dates";
import { MonthCalendar } from "./month-calendar";

/**
 * 往期: a month of the calendar with every day that has an edition linked;
 * the months before and after that have editions are one link away, and the
 * whole archive (every year and month) two.
 */
export function EditionCalendar(props: {
  /** The month of `current`, with the editions either side of it. */
  month: EditionMonth;
  current: string;
  hrefFor: (date: string) => string;
  /** The archive's index, and the archive page of a month ("YYYY-MM"). */
  archiveHref?: string;
  monthHrefFor?: (month: string) => string;
  t: (text: string) => string;
}) {
  const { current, hrefFor, archiveHref, monthHrefFor, t } = props;
  const { month, before: earlier, afterMonthLatest: laterMonthLatest } = props.month;
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const available = new Set(props.month.dates);
  // The links go to the newest edition of the nearest earlier / later month that has any.

  return (
    <section aria-labelledby="calendar-heading" className="print:hidden">
      <h2 id="calendar-heading" className="mb-2 text-base font-bold">
        {t("往期")} · {monthHrefFor ? <a href={monthHrefFor(month)}>{year}年{monthNumber}月</a> : `${year}年${monthNumber}月`}
      </h2>
      <MonthCalendar month={month} available={available} current={current} hrefFor={hrefFor} t={t} />
      <p className="mt-2 flex justify-between gap-2 text-sm">
        {earlier ? <a href={hrefFor(earlier)}>{t("‹ 上月")}</a> : <span />}
        {archiveHref && <a href={archiveHref}>{t("全部往期")}</a>}
        {laterMonthLatest ? <a href={hrefFor(laterMonthLatest)}>{t("下月 ›")}</a> : <span />}
      </p>
    </section>
  );
}
