import Link from "next/link";

const WEEKDAYS = ["日", "一", "二", "三", "四", "五", "六"];

/**
 * 往期: a month of the calendar with every day that has an edition linked;
 * the months before and after that have editions are one link away.
 */
export function EditionCalendar(props: {
  /** Published edition dates, newest first. */
  dates: readonly string[];
  current: string;
  hrefFor: (date: string) => string;
  t: (text: string) => string;
}) {
  const { dates, current, hrefFor, t } = props;
  const month = current.slice(0, 7);
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const available = new Set(dates.filter((date) => date.startsWith(month)));
  const firstWeekday = new Date(Date.UTC(year, monthNumber - 1, 1)).getUTCDay();
  const days = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  const cells: (number | null)[] = [...Array<null>(firstWeekday).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  // Newest edition of the nearest earlier / later month that has any.
  const earlier = dates.find((date) => date < `${month}-01`);
  const later = [...dates].reverse().find((date) => date > `${month}-31`);
  const laterMonthLatest = later ? dates.find((date) => date.startsWith(later.slice(0, 7))) : undefined;

  return (
    <section aria-labelledby="calendar-heading" className="print:hidden">
      <h2 id="calendar-heading" className="mb-2 text-base font-bold">
        {t("往期")} · {year}年{monthNumber}月
      </h2>
      <table className="w-full table-fixed text-center text-sm">
        <caption className="sr-only">{t(`${year}年${monthNumber}月出版日历`)}</caption>
        <thead>
          <tr>
            {WEEKDAYS.map((day) => (
              <th key={day} scope="col" className="font-normal text-neutral-600">
                {day}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: Math.ceil(cells.length / 7) }, (_, week) => (
            <tr key={week}>
              {cells.slice(week * 7, week * 7 + 7).map((day, index) => {
                if (!day) return <td key={index} />;
                const date = `${month}-${String(day).padStart(2, "0")}`;
                return (
                  <td key={index} className="p-0.5">
                    {available.has(date) ? (
                      <Link
                        href={hrefFor(date)}
                        aria-current={date === current ? "date" : undefined}
                        aria-label={t(`${monthNumber}月${day}日`)}
                        className={`block rounded py-0.5 ${date === current ? "bg-brand font-bold text-white" : "text-brand underline"}`}
                      >
                        {day}
                      </Link>
                    ) : (
                      <span className="block py-0.5 text-neutral-600">{day}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 flex justify-between text-sm">
        {earlier ? <Link href={hrefFor(earlier)}>{t("‹ 上月")}</Link> : <span />}
        {laterMonthLatest ? <Link href={hrefFor(laterMonthLatest)}>{t("下月 ›")}</Link> : <span />}
      </p>
    </section>
  );
}
