import { ArchiveBreadcrumb } from "@/components/reader/archive-navigation";
import type { ReaderDocument, RenderAssets } from "@/lib/reader-files/reader-documents";
import { monthKey, splitMonth } from "@/lib/reader/archive-calendar";
import { archiveYears } from "@/lib/reader/find-archive";
import { archiveUrl, editionUrl } from "@/lib/reader/urls";
import { DocumentShell, type DocumentHead } from "./document-shell";

/** Months listed under 最近出版. */
const LATEST_MONTHS = 6;

/** `/archive`: every year that has editions, each with its months, and the latest months. */
export function ArchiveIndexDocument({ document, assets }: { document: Extract<ReaderDocument, { kind: "archive" }>; assets: RenderAssets }) {
  const { context, months } = document;
  const { t, publication } = context;
  const years = archiveYears(months);
  const total = years.reduce((sum, year) => sum + year.editions, 0);
  const head: DocumentHead = {
    title: t(`往期 - ${publication.name}`),
    description: t(`${publication.name}往期报纸:按年、按月浏览每一期`),
    path: archiveUrl(publication),
  };

  return (
    <DocumentShell context={context} head={head} assets={assets}>
      <main className="mx-auto max-w-6xl space-y-8 px-4 py-4">
        <div className="space-y-2 border-b border-neutral-200 pb-3">
          <ArchiveBreadcrumb trail={[{ label: "往期", href: archiveUrl(publication) }]} t={t} />
          <h1 className="text-xl font-bold">{t("往期")}</h1>
          <p className="text-sm text-neutral-700">
            {years.length ? t(`${years.length > 1 ? `${years.at(-1)!.year}年至${years[0]!.year}年` : `${years[0]!.year}年`}，共${total}期`) : t("尚无已出版的报纸。")}
          </p>
        </div>

        {months.length > 0 && (
          <section aria-labelledby="latest-heading">
            <h2 id="latest-heading" className="mb-2 text-base font-bold">{t("最近出版")}</h2>
            <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-3">
              {months.slice(0, LATEST_MONTHS).map((entry) => {
                const { year, month } = splitMonth(entry.month);
                const latest = splitMonth(entry.latest);
                return (
                  <li key={entry.month} className="flex items-baseline justify-between gap-2 rounded border border-neutral-300 px-3 py-2">
                    <span>
                      <a href={archiveUrl(publication, entry.month)} className="font-bold">
                        {t(`${year}年${month}月`)}
                      </a>{" "}
                      <span className="text-sm text-neutral-700">{t(`${entry.editions}期`)}</span>
                    </span>
                    <a href={editionUrl(publication, entry.latest)} className="text-sm">
                      {t(`最新:${latest.month}月${Number(entry.latest.slice(8))}日`)}
                    </a>
                  </li>
                );
              })}
            </ul>
          </section>
        )}

        {years.length > 0 && (
          <section aria-labelledby="years-heading">
            <h2 id="years-heading" className="mb-2 text-base font-bold">{t("按年份浏览")}</h2>
            <div className="space-y-4">
              {years.map((entry) => {
                const counts = new Map(entry.months.map((month) => [month.month, month.editions]));
                return (
                  <section key={entry.year} aria-labelledby={`year-${entry.year}`} className="rounded border border-neutral-300 p-3">
                    <h3 id={`year-${entry.year}`} className="mb-2 flex items-baseline gap-2">
                      <a href={archiveUrl(publication, entry.year)} className="font-bold">
                        {t(`${entry.year}年`)}
                      </a>
                      <span className="text-sm font-normal text-neutral-700">{t(`共${entry.editions}期`)}</span>
                    </h3>
                    <ol className="grid grid-cols-4 gap-1 text-center text-sm min-[400px]:grid-cols-6 md:grid-cols-12">
                      {Array.from({ length: 12 }, (_, index) => {
                        const month = monthKey(entry.year, index + 1);
                        const count = counts.get(month);
                        return (
                          <li key={month}>
                            {count ? (
                              <a
                                href={archiveUrl(publication, month)}
                                aria-label={t(`${entry.year}年${index + 1}月，${count}期`)}
                                className="block rounded border border-brand py-1 no-underline hover:bg-red-50"
                              >
                                <span className="block">{t(`${index + 1}月`)}</span>
                                <span className="block text-xs text-neutral-700">{t(`${count}期`)}</span>
                              </a>
                            ) : (
                              <span className="block rounded border border-transparent py-1 text-neutral-600">
                                <span className="block">{t(`${index + 1}月`)}</span>
                                <span className="block text-xs">
                                  <span className="sr-only">{t("无")}</span>
                                  <span aria-hidden="true">–</span>
                                </span>
                              </span>
                            )}
                          </li>
                        );
                      })}
                    </ol>
                  </section>
                );
              })}
            </div>
          </section>
        )}
      </main>
    </DocumentShell>
  );
}
