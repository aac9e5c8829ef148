import { formatEditionDateZh } from "@/lib/time/edition-date";
import { articleUrl, pageRegionUrl, type PublicationRef } from "@/lib/reader/urls";
import { hasFilters, searchHref, type SearchRequest } from "@/lib/search-pages/search-request";
import { highlight } from "@/lib/search/highlight";
import type { SearchHit, SearchResult } from "@/lib/search/search-articles";
import { SearchPager } from "./search-pager";
import { pageLabel } from "@/lib/reader/reader-labels";

// The reader's search results. Headlines and snippets arrive as escaped HTML
// with <mark> (lib/search/highlight.ts) and go through the script converter as
// they are: OpenCC changes Chinese characters only, so tags and entities survive.

type T = (text: string) => string;

/** How to search, for an empty query and whenever nothing is found. */
function SearchTips({ t }: { t: T }) {
  return (
    <section aria-labelledby="search-tips-heading" className="mt-4 rounded border border-neutral-300 bg-white p-4">
      <h2 id="search-tips-heading" className="mb-2 font-bold">{t("搜索提示")}</h2>
      <ul className="list-disc space-y-1 pl-5 text-sm text-neutral-800">
        <li>{t("输入文章中的词语，如“招商引资”“高质量发展”；多个词用空格隔开，结果包含所有的词。")}</li>
        <li>{t("要找一整句话，请给它加上引号，如 “乡村振兴示范带”。")}</li>
        <li>{t("简体、繁体都可以搜索；英文和数字也可以，如 GDP、2023、5000万元。")}</li>
        <li>{t("可按出版日期、版面和作者缩小范围。")}</li>
      </ul>
    </section>
  );
}

function Hit({ hit, words, publication, t }: { hit: SearchHit; words: string[]; publication: PublicationRef; t: T }) {
  // Readers' hits always have a published page (lib/search/search-articles.ts).
  if (!hit.editionDate || !hit.pageNumber || hit.position === null) return null;
  const id = `hit-${hit.articleId}`;
  const hitPageLabel = pageLabel(hit.pageNumber, hit.pageName ?? "");
  return (
    <li className="py-4">
      <article aria-labelledby={id}>
        {hit.kicker && <p className="text-sm text-neutral-700" dangerouslySetInnerHTML={{ __html: t(highlight(hit.kicker, words)) }} />}
        <h2 id={id} className="text-lg font-bold leading-snug">
          <a href={articleUrl(publication, hit.editionDate, hit.pageNumber, hit.position)} className="text-brand hover:underline">
            <span dangerouslySetInnerHTML={{ __html: t(hit.headlineHtml) }} />
          </a>
        </h2>
        {hit.subtitle && <p className="text-sm text-neutral-800" dangerouslySetInnerHTML={{ __html: t(highlight(hit.subtitle, words)) }} />}
        <p className="mt-1 text-sm text-neutral-700">
          <time dateTime={hit.editionDate}>{t(formatEditionDateZh(new Date(`${hit.editionDate}T00:00:00Z`)))}</time>
          {" · "}
          {t(hitPageLabel)}
          {hit.bylines.length > 0 && <> · {t(hit.bylines.join(" "))}</>}
        </p>
        {hit.snippetHtml && <p className="mt-1 leading-relaxed" dangerouslySetInnerHTML={{ __html: t(hit.snippetHtml) }} />}
        <p className="mt-1 text-sm print:hidden">
          {/* A full page load: the fragment outlines the article's region (:target and RegionHighlight). */}
          <a href={pageRegionUrl(publication, hit.editionDate, hit.pageNumber, hit.articleId)}>
            {t("查看版面")}
            <span className="sr-only">{t(`：${hitPageLabel}上的《${hit.headline}》`)}</span>
          </a>
        </p>
      </article>
    </li>
  );
}

export function ReaderSearchResults(props: { result: SearchResult; request: SearchRequest; path: string; publication: PublicationRef; t: T }) {
  const { result, request, path, publication, t } = props;
  const q = request.q.trim();

  if (result.reason === "blank") {
    return (
      <>
        <p className="mt-4">{t("请输入要搜索的词语。")}</p>
        <SearchTips t={t} />
      </>
    );
  }
  if (result.reason === "no_terms") {
    return (
      <>
        <p className="mt-4">{t(`“${q}”中没有可以搜索的字词，请输入汉字、字母或数字。`)}</p>
        <SearchTips t={t} />
      </>
    );
  }

  const truncated = result.truncated && <p className="mt-2 text-sm text-neutral-700">{t("检索词太长，只按前100个字搜索。")}</p>;
  if (result.total === 0) {
    return (
      <>
        {truncated}
        <p className="mt-4">{t(`没有找到与“${q}”相关的文章。`)}</p>
        {hasFilters(request) && (
          <p className="mt-2">
            <a href={searchHref(path, { ...request, page: 1 }, { filters: {} })}>{t("去掉筛选条件再搜索")}</a>
          </p>
        )}
        <SearchTips t={t} />
      </>
    );
  }

  // Exact up to the count's cap; past it, "at least" (see lib/search/search-articles.ts).
  const count = result.totalCapped ? ` ${result.total}+ ` : ` ${result.total} `;
  const first = (result.page - 1) * result.pageSize + 1;
  return (
    <>
      {truncated}
      <p className="mt-4 text-sm text-neutral-700">
        {t(`找到${count}条结果`)}
        {result.pages > 1 && t(`，第${result.page}页，共${result.pages}页`)}
      </p>
      {result.hits.length === 0 ? (
        <p className="mt-4">
          {t("这一页没有结果。")} <a href={searchHref(path, request, { page: 1 })}>{t("回到第1页")}</a>
        </p>
      ) : (
        <ol start={first} className="divide-y divide-neutral-200 [&_mark]:bg-amber-200 [&_mark]:text-inherit">
          {result.hits.map((hit) => (
            <Hit key={hit.articleId} hit={hit} words={result.words} publication={publication} t={t} />
          ))}
        </ol>
      )}
      <SearchPager page={result.page} pages={result.pages} hrefFor={(page) => searchHref(path, request, { page })} t={t} />
    </>
  );
}
