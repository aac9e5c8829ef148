import { ArchiveBreadcrumb, ArchivePager } from "@/components/reader/archive-navigation";
import { MonthCalendar } from "@/components/reader/month-calendar";
import type { ReaderDocument, RenderAssets } from "@/lib/reader-files/reader-documents";
import { monthKey, olderAndNewer } from "@/lib/reader/archive-calendar";
import { archiveYears } from "@/lib/reader/find-archive";
import { archiveUrl, editionUrl } from "@/lib/reader/urls";
import { DocumentShell, type DocumentHead } from "./document-shell";

/** `/archive/2023`: the twelve months of a year, every day with an edition linked. */
export function ArchiveYearDocument({ document, assets }: { document: Extract<ReaderDocument, { kind: "archive-year" }>; assets: RenderAssets }) {
  const { context, months, year } = document;
  const { t, publication } = context;
  const years = archiveYears(months);
  const entry = years.find((candidate) => candidate.year === year)!;
  const dates = new Set(document.dates);
  const { older, newer } = olderAndNewer(
    years.map((candidate) => candidate.year),
    year,
  );
  const counts = new Map(entry.months.map((month) => [month.month, month.editions]));
  const path = archiveUrl(publication, entry.year);
  const head: DocumentHead = {
    title: t(`${entry.year}年往期 - ${publication.name}`),
    description: t(`${publication.name}${entry.year}年的${entry.editions}期报纸`),
    path,
  };

  return (
    <DocumentShell context={context} head={head} assets={assets}>
      <main className="mx-auto max-w-6xl space-y-4 px-4 py-4">
        <div className="space-y-2 border-b border-neutral-200 pb-3">
          <ArchiveBreadcrumb
            trail={[
              { label: "往期", href: archiveUrl(publication) },
              { label: `${entry.year}年`, href: path },
            ]}
            t={t}
          />
          <h1 className="text-xl font-bold">{t(`往期 · ${entry.year}年`)}</h1>
          <p className="text-sm text-neutral-700">{t(`共${entry.editions}期`)}</p>
        </div>

        <ArchivePager
          label="年份导航"
          older={older ? { label: `${older}年`, href: archiveUrl(publication, older) } : undefined}
          newer={newer ? { label: `${newer}年`, href: archiveUrl(publication, newer) } : undefined}
          olderFallback="没有更早的年份"
          newerFallback="没有更晚的年份"
          t={t}
        />

        <div className="grid grid-cols-1 gap-x-6 gap-y-6 min-[480px]:grid-cols-2 md:grid-cols-3 xl:grid-cols-4">
          {Array.from({ length: 12 }, (_, index) => {
            const month = monthKey(entry.year, index + 1);
            const count = counts.get(month);
            return (
              <section key={month} aria-labelledby={`month-${month}`}>
                <h2 id={`month-${month}`} className="mb-1 flex items-baseline justify-between text-base font-bold">
                  {count ? <a href={archiveUrl(publication, month)}>{t(`${index + 1}月`)}</a> : <span>{t(`${index + 1}月`)}</span>}
                  <span className="text-sm font-normal text-neutral-700">{count ? t(`${count}期`) : t("无")}</span>
                </h2>
                <MonthCalendar month={month} available={dates} hrefFor={(date) => editionUrl(publication, date)} t={t} />
              </section>
            );
          })}
        </div>
      </main>
    </DocumentShell>
  );
}
