import Link from "next/link";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";
import { hasFilters, pageLinks, searchHref, type SearchRequest } from "@/lib/search-pages/search-request";
import { highlight } from "@/lib/search/highlight";
import type { SearchHit, SearchResult } from "@/lib/search/search-articles";

// 全文搜索's results: status, headline and snippet with the query's words in
// <mark> (escaped HTML from lib/search/highlight.ts), date and page, bylines,
// each linked to the story editor.

function Tips({ m }: { m: DashboardMessages }) {
  return (
    <section aria-labelledby="search-tips-heading" className="mt-4 rounded border border-neutral-200 bg-white p-3 text-sm">
      <h2 id="search-tips-heading" className="font-bold">{m.search.tipsHeading}</h2>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {m.search.tips.map((tip) => (
          <li key={tip}>{tip}</li>
        ))}
      </ul>
    </section>
  );
}

function Hit({ hit, words, m }: { hit: SearchHit; words: string[]; m: DashboardMessages }) {
  const t = m.search;
  const id = `hit-${hit.articleId}`;
  return (
    <li className="py-3">
      <article aria-labelledby={id}>
        <p className="flex flex-wrap items-center gap-2 text-xs text-neutral-700">
          <span className="rounded border border-neutral-400 px-1.5 py-0.5 font-medium text-neutral-900">{m.articleStatus[hit.status]}</span>
          {hit.kicker && <span dangerouslySetInnerHTML={{ __html: highlight(hit.kicker, words) }} />}
        </p>
        <h2 id={id} className="mt-1 text-base font-bold">
          <Link href={`/admin/stories/${hit.articleId}`}>
            {hit.headline ? <span dangerouslySetInnerHTML={{ __html: hit.headlineHtml }} /> : m.stories.untitled}
          </Link>
        </h2>
        {hit.subtitle && <p className="text-sm" dangerouslySetInnerHTML={{ __html: highlight(hit.subtitle, words) }} />}
        <p className="mt-1 text-sm text-neutral-700">
          {hit.editionDate ? <time dateTime={hit.editionDate} className="tabular-nums">{hit.editionDate}</time> : t.noDate}
          {" · "}
          {hit.pageNumber ? t.page(hit.pageNumber, hit.pageName) : t.notPlaced}
          {hit.bylines.length > 0 && <> · {hit.bylines.join(" ")}</>}
        </p>
        {hit.snippetHtml && <p className="mt-1 text-sm leading-relaxed" dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />}
      </article>
    </li>
  );
}

function Pager({ page, pages, hrefFor, m }: { page: number; pages: number; hrefFor: (page: number) => string; m: DashboardMessages }) {
  const t = m.search;
  if (pages <= 1) return null;
  return (
    <nav aria-label={t.pagination} className="mt-4">
      <ul className="flex flex-wrap items-center gap-2 text-sm">
        <li>{page > 1 ? <Link href={hrefFor(page - 1)} rel="prev">{t.previous}</Link> : <span className="text-neutral-600">{t.previous}</span>}</li>
        {pageLinks(page, pages).map((link) =>
          link.kind === "gap" ? (
            <li key={link.key} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={link.page}>
              <Link href={hrefFor(link.page)} aria-label={t.pageNumber(link.page)} aria-current={link.page === page ? "page" : undefined} className={link.page === page ? "font-bold no-underline" : undefined}>
                {link.page}
              </Link>
            </li>
          ),
        )}
        <li>{page < pages ? <Link href={hrefFor(page + 1)} rel="next">{t.next}</Link> : <span className="text-neutral-600">{t.next}</span>}</li>
      </ul>
    </nav>
  );
}

export function StorySearchResults(props: { result: SearchResult; request: SearchRequest; path: string; m: DashboardMessages }) {
  const { result, request, path, m } = props;
  const t = m.search;
  const q = request.q.trim();
  if (result.reason === "blank") {
    return (
      <>
        <p className="mt-4">{t.blank}</p>
        <Tips m={m} />
      </>
    );
  }
  if (result.reason === "no_terms") {
    return (
      <>
        <p className="mt-4">{t.noTerms(q)}</p>
        <Tips m={m} />
      </>
    );
  }
  const truncated = result.truncated && <p className="mt-2 text-sm text-neutral-700">{t.truncated}</p>;
  if (result.total === 0) {
    return (
      <>
        {truncated}
        <p className="mt-4">{t.none(q)}</p>
        {hasFilters(request) && (
          <p className="mt-2">
            <Link href={searchHref(path, { ...request, page: 1 }, { filters: {} })}>{t.withoutFilters}</Link>
          </p>
        )}
        <Tips m={m} />
      </>
    );
  }
  return (
    <section aria-labelledby="results-heading" className="mt-4">
      <h2 id="results-heading" className="sr-only">{t.results}</h2>
      {truncated}
      <p className="text-sm text-neutral-700">
        {t.found(result.total, result.totalCapped)}
        {result.pages > 1 && ` · ${t.pageOf(result.page, result.pages)}`}
      </p>
      {result.hits.length === 0 ? (
        <p className="mt-4">
          {t.emptyPage} <Link href={searchHref(path, request, { page: 1 })}>{t.firstPage}</Link>
        </p>
      ) : (
        <ol className="mt-2 divide-y divide-neutral-200 rounded border border-neutral-200 bg-white px-3 [&_mark]:bg-amber-200 [&_mark]:text-inherit">
          {result.hits.map((hit) => (
            <Hit key={hit.articleId} hit={hit} words={result.words} m={m} />
          ))}
        </ol>
      )}
      <Pager page={result.page} pages={result.pages} hrefFor={(page) => searchHref(path, request, { page })} m={m} />
    </section>
  );
}
