import { EditionCalendar } from "@/components/reader/edition-calendar";
import { PageImageMap } from "@/components/reader/page-image-map";
import { PageNavigation } from "@/components/reader/page-navigation";
import { PageTurner } from "@/components/reader/page-turner";
import { PageZoom } from "@/components/reader/page-zoom";
import { RegionHighlight } from "@/components/reader/region-highlight";
import { formatEditionDateZh } from "@/lib/time/edition-date";
import type { ReaderDocument, RenderAssets } from "@/lib/reader-files/reader-documents";
import { neighbourEditions } from "@/lib/reader/find-edition-dates";
import { neighbourPages } from "@/lib/reader/page-neighbours";
import { absoluteUrl, archiveUrl, articleUrl, editionUrl, pageUrl } from "@/lib/reader/urls";
import { DocumentShell, type DocumentHead } from "./document-shell";
import { continuedFromLabel, continuedOnLabel, pageLabel } from "@/lib/reader/reader-labels";

/** 版面: a page's image with its article regions, the page's articles, the edition's pages and calendar. */
export function PageViewDocument({ document, assets }: { document: Extract<ReaderDocument, { kind: "page" }>; assets: RenderAssets }) {
  const { context, edition, page, month } = document;
  const { t, publication } = context;
  const { previous, next } = neighbourPages(edition, page.number);
  const editions = neighbourEditions(month, edition.date);
  const headlineOf = new Map(page.articles.map((article) => [article.articleId, t(article.headline)]));
  const hrefOf = new Map(page.articles.map((article) => [article.articleId, articleUrl(publication, edition.date, article.home.pageNumber, article.home.position)]));
  const label = t(pageLabel(page.number, page.name));
  const image = page.image && (page.image.variants.at(-2) ?? page.image.variants[0]);
  const head: DocumentHead = {
    title: t(`${pageLabel(page.number, page.name)} - ${publication.name} ${formatEditionDateZh(new Date(`${edition.date}T00:00:00Z`))}`),
    description: t(page.articles.map((article) => article.headline).join("；")),
    path: pageUrl(publication, edition.date, page.number),
    edition,
    openGraph: { type: "website", title: t(`${publication.name} ${pageLabel(page.number, page.name)}`), url: absoluteUrl(pageUrl(publication, edition.date, page.number)), site_name: t(publication.name) },
    images: image ? [{ url: absoluteUrl(image.url) }] : undefined,
  };

  return (
    <DocumentShell context={context} head={head} assets={assets}>
      <main className="mx-auto max-w-6xl px-4 py-4">
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-neutral-200 pb-3">
          <h1 className="text-xl font-bold">{label}</h1>
          <nav aria-label={t("翻版")} className="flex flex-wrap gap-3 text-sm">
            {previous ? <a href={pageUrl(publication, edition.date, previous.number)} rel="prev">{t(`上一版`)}</a> : <span className="text-neutral-600">{t("上一版")}</span>}
            {next ? <a href={pageUrl(publication, edition.date, next.number)} rel="next">{t(`下一版`)}</a> : <span className="text-neutral-600">{t("下一版")}</span>}
            {page.pdf && (
              <a href={page.pdf.url} download={`${publication.slug}-${edition.date}-${page.number}.pdf`} type="application/pdf">
                {t("下载本版 PDF")} <span className="text-neutral-600">({Math.round(page.pdf.byteSize / 1024)} KB)</span>
              </a>
            )}
          </nav>
        </div>

        <div className="mt-4 grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          {/* The page image first, on phones too: it is what a 数字报 is read by. */}
          <div>
            <RegionHighlight message={t("已标出：《{headline}》")} />
            {page.image ? (
              <>
                <PageImageMap page={page} label={t(`${label} 版面图`)} hrefFor={(id) => hrefOf.get(id)!} headlineFor={(id) => headlineOf.get(id)!} />
                <PageTurner previousHref={previous && pageUrl(publication, edition.date, previous.number)} nextHref={next && pageUrl(publication, edition.date, next.number)} t={t} />
                <PageZoom t={t}>
                  <PageImageMap page={page} label={t(`${label} 版面大图`)} hrefFor={(id) => hrefOf.get(id)!} headlineFor={(id) => headlineOf.get(id)!} zoomed />
                </PageZoom>
              </>
            ) : (
              <p className="rounded border border-dashed border-neutral-300 p-6 text-center text-neutral-600">{t("本版暂无版面图")}</p>
            )}
          </div>

          <div className="space-y-6">
            <section aria-labelledby="articles-heading">
              <h2 id="articles-heading" className="mb-2 text-base font-bold">{t("本版文章")}</h2>
              <ol className="space-y-2">
                {page.articles.map((article) => (
                  <li key={article.articleId}>
                    <a href={hrefOf.get(article.articleId)!} data-article-id={article.articleId} className="article-entry text-brand hover:underline">
                      {t(article.headline)}
                    </a>
                    {article.part > 1 && <span className="ml-1 text-sm text-neutral-600">{t(continuedFromLabel(article.parts[article.part - 2]?.pageNumber ?? ""))}</span>}
                    {article.parts.length > article.part && article.part === 1 && <span className="ml-1 text-sm text-neutral-600">{t(continuedOnLabel(article.parts[1]!.pageNumber))}</span>}
                  </li>
                ))}
              </ol>
            </section>

            <PageNavigation pages={edition.pages} current={page.number} hrefFor={(number) => pageUrl(publication, edition.date, number)} t={t} />

            <nav aria-label={t("往期导航")} className="flex justify-between text-sm print:hidden">
              {editions.previous ? <a href={editionUrl(publication, editions.previous)}>{t("上一期")}</a> : <span className="text-neutral-600">{t("上一期")}</span>}
              {editions.next ? <a href={editionUrl(publication, editions.next)}>{t("下一期")}</a> : <span className="text-neutral-600">{t("下一期")}</span>}
            </nav>

            <EditionCalendar
              month={month}
              current={edition.date}
              hrefFor={(date) => editionUrl(publication, date)}
              archiveHref={archiveUrl(publication)}
              monthHrefFor={(month) => archiveUrl(publication, month)}
              t={t}
            />
          </div>
        </div>
      </main>
    </DocumentShell>
  );
}
