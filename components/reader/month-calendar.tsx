import { monthWeeks, splitMonth } from "@/lib/reader/archive-calendar";

const WEEKDAYS = ["日", "一", "二", "三", "四", "五", "六"];

/**
 * One month as a table, every day that has an edition linked to it: the 往期
 * calendar beside a page, the twelve months of an archive year, and the large
 * calendar of an archive month.
 */
export function MonthCalendar(props: {
  /** "YYYY-MM" */
  month: string;
  /** Days ("YYYY-MM-DD") that have a published edition. */
  available: ReadonlySet<string>;
  /** The day being read, marked. */
  current?: string;
  hrefFor: (date: string) => string;
  t: (text: string) => string;
  size?: "small" | "large";
}) {
  const { month, available, current, hrefFor, t, size = "small" } = props;
  const { year, month: monthNumber } = splitMonth(month);
  const cell = size === "large" ? "py-2 text-base sm:py-3 sm:text-lg" : "py-0.5";
  return (
    <table className={`w-full table-fixed text-center ${size === "large" ? "text-base" : "text-sm"}`}>
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
        {monthWeeks(month).map((week, index) => (
          <tr key={index}>
            {week.map((date, column) => {
              if (!date) return <td key={column} />;
              const day = Number(date.slice(8));
              return (
                <td key={column} className="p-0.5">
                  {available.has(date) ? (
                    <a
                      href={hrefFor(date)}
                      aria-current={date === current ? "date" : undefined}
                      aria-label={t(`${monthNumber}月${day}日`)}
                      className={`block rounded ${cell} ${date === current ? "bg-brand font-bold text-white" : "text-brand underline"}`}
                    >
                      {day}
                    </a>
                  ) : (
                    <span className={`block ${cell} text-neutral-600`}>{day}</span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
