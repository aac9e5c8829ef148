import { ArchiveBreadcrumb, ArchivePager } from "@/components/reader/archive-navigation";
import { MonthCalendar } from "@/components/reader/month-calendar";
import { formatEditionDateZh } from "@/lib/time/edition-date";
import type { ReaderDocument, RenderAssets } from "@/lib/reader-files/reader-documents";
import { olderAndNewer, splitMonth } from "@/lib/reader/archive-calendar";
import { archiveUrl, articleUrl, editionUrl, pageUrl } from "@/lib/reader/urls";
import { DocumentShell, type DocumentHead } from "./document-shell";
import { issueLabel } from "@/lib/reader/reader-labels";

/** "2023年3月" */
const monthLabel = (month: string) => `${splitMonth(month).year}年${splitMonth(month).month}月`;

/** `/archive/2023/03`: a large calendar of the month and its editions with their front pages' headlines. */
export function ArchiveMonthDocument({ document, assets }: { document: Extract<ReaderDocument, { kind: "archive-month" }>; assets: RenderAssets }) {
  const { context, months, month, editions } = document;
  const { t, publication } = context;
  const { older, newer } = olderAndNewer(
    months.map((candidate) => candidate.month),
    month,
  );
  const { year, month: monthNumber } = splitMonth(month);
  const path = archiveUrl(publication, month);
  const head: DocumentHead = {
    title: t(`${monthLabel(month)}往期 - ${publication.name}`),
    description: t(`${publication.name}${monthLabel(month)}的${editions.length}期报纸`),
    path,
  };

  return (
    <DocumentShell context={context} head={head} assets={assets}>
      <main className="mx-auto max-w-6xl space-y-4 px-4 py-4">
        <div className="space-y-2 border-b border-neutral-200 pb-3">
          <ArchiveBreadcrumb
            trail={[
              { label: "往期", href: archiveUrl(publication) },
              { label: `${year}年`, href: archiveUrl(publication, year) },
              { label: `${monthNumber}月`, href: path },
            ]}
            t={t}
          />
          <h1 className="text-xl font-bold">{t(`往期 · ${monthLabel(month)}`)}</h1>
          <p className="text-sm text-neutral-700">{t(`共${editions.length}期`)}</p>
        </div>

        <ArchivePager
          label="月份导航"
          older={older ? { label: monthLabel(older), href: archiveUrl(publication, older) } : undefined}
          newer={newer ? { label: monthLabel(newer), href: archiveUrl(publication, newer) } : undefined}
          olderFallback="没有更早的月份"
          newerFallback="没有更晚的月份"
          t={t}
        />

        <div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <section aria-labelledby="calendar-heading">
            <h2 id="calendar-heading" className="mb-2 text-base font-bold">{t("出版日历")}</h2>
            <MonthCalendar
              month={month}
              available={new Set(editions.map((edition) => edition.date))}
              hrefFor={(date) => editionUrl(publication, date)}
              t={t}
              size="large"
            />
          </section>

          <section aria-labelledby="editions-heading">
            <h2 id="editions-heading" className="mb-2 text-base font-bold">{t("本月各期")}</h2>
            <ol className="divide-y divide-neutral-200">
              {editions.map((edition) => {
                const href = edition.firstPage ? pageUrl(publication, edition.date, edition.firstPage.number) : editionUrl(publication, edition.date);
                // "3月13日 星期一": the year is in the page's heading.
                const day = formatEditionDateZh(new Date(`${edition.date}T00:00:00Z`)).replace(`${year}年`, "");
                return (
                  <li key={edition.date} className="py-3">
                    <h3 className="font-bold">
                      <a href={href}>
                        <time dateTime={edition.date}>{t(day)}</time>
                      </a>
                    </h3>
                    <p className="text-sm text-neutral-700">
                      {[
                        edition.issueNumber ? t(issueLabel(edition.issueNumber)) : null,
                        t(`共${edition.pageCount}版`),
                        edition.firstPage ? t(`${edition.firstPage.number} ${edition.firstPage.name}`) : null,
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </p>
                    {edition.firstPage && edition.headlines.length > 0 && (
                      <ul className="mt-1 list-disc space-y-1 pl-5">
                        {edition.headlines.map((article) => (
                          <li key={article.position}>
                            <a href={articleUrl(publication, edition.date, edition.firstPage!.number, article.position)} className="text-brand hover:underline">
                              {t(article.headline)}
                            </a>
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                );
              })}
            </ol>
          </section>
        </div>
      </main>
    </DocumentShell>
  );
}
