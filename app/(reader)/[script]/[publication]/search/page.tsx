import type { Metadata } from "next";
import { ReaderHeader } from "@/components/reader/reader-header";
import { ReaderSearchFilters } from "@/components/reader/search-filters";
import { ReaderSearchResults } from "@/components/reader/search-results";
import { SiteFooter } from "@/components/reader/site-footer";
import { getDb } from "@/lib/db/client";
import { isDatabaseUnreachable } from "@/lib/db/database-unreachable";
import { converterFor, isScript, type Script } from "@/lib/reader/script";
import { findSearchOptions } from "@/lib/reader/find-search-options";
import { readerContext } from "@/lib/reader/reader-context";
import { inScript, searchUrl } from "@/lib/reader/urls";
import { parseSearchRequest, searchHref, type SearchRequest } from "@/lib/search-pages/search-request";
import { searchArticles } from "@/lib/search/search-articles";

// Answers depend on the query: rendered per request, never cached as a page.
// The one reader page Next renders; every other is a published file (lib/reader-files).
export const dynamic = "force-dynamic";

type Props = PageProps<"/[script]/[publication]/search">;

async function load(props: Props) {
  const route = await props.params;
  const request = parseSearchRequest(await props.searchParams, "reader");
  const context = await readerContext(route, (slug) => searchHref(searchUrl({ slug, isDefault: true }), request));
  return { context, request, path: searchUrl(context.publication) };
}

const heading = (request: SearchRequest) => (request.q.trim() ? `“${request.q.trim()}”的搜索结果` : "搜索");

export async function generateMetadata(props: Props): Promise<Metadata> {
  const loaded = await load(props).catch(unlessUnreachable);
  if (!loaded) return { title: "搜索暂时不可用", robots: { index: false, follow: true } };
  const { context, request } = loaded;
  const { t, publication } = context;
  // Result lists are not for search engines (the articles are, through the sitemaps).
  return { title: t(`${heading(request)} - ${publication.name}`), robots: { index: false, follow: true } };
}

/** The database is down: search cannot answer, every published page still can. */
function unlessUnreachable(error: unknown): null {
  if (isDatabaseUnreachable(error)) return null;
  throw error;
}

function SearchUnavailable({ script }: { script: Script }) {
  const t = converterFor(script);
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="text-2xl font-bold">{t("搜索暂时不可用")}</h1>
      <p role="status" className="mt-4 text-neutral-700">
        {t("抱歉，搜索服务暂时无法使用，请稍后再试。各期报纸的版面和文章照常阅读。")}
      </p>
      <p className="mt-8">
        <a href={inScript("/", script)} className="rounded bg-brand px-4 py-2 text-white no-underline hover:bg-brand-dark">
          {t("阅读最新一期")}
        </a>
      </p>
    </main>
  );
}

/** `/search?q=…&from=…&to=…&pageName=…&personId=…&page=…`: the reader's search over published articles. */
export default async function SearchPage(props: Props) {
  const loaded = await load(props).catch(unlessUnreachable);
  const found =
    loaded &&
    (await Promise.all([
      searchArticles({ db: getDb(), audience: { kind: "reader", publicationId: loaded.context.publication.id }, q: loaded.request.q, filters: loaded.request.filters, page: loaded.request.page }),
      findSearchOptions(loaded.context.publication.id),
    ]).catch(unlessUnreachable));
  if (!loaded || !found) {
    const { script } = await props.params;
    return <SearchUnavailable script={isScript(script) ? script : "hans"} />;
  }
  const { context, request, path } = loaded;
  const { t, publication, script } = context;
  const [result, options] = found;

  return (
    <>
      <ReaderHeader publication={publication} script={script} currentPath={searchHref(path, request)} query={request.q} t={t} />
      <main className="mx-auto max-w-6xl px-4 py-4">
        <h1 className="mb-3 text-xl font-bold">{t(heading(request))}</h1>
        <ReaderSearchFilters action={path} request={request} options={options} t={t} />
        <ReaderSearchResults result={result} request={request} path={path} publication={publication} t={t} />
      </main>
      <SiteFooter footer={publication.footer} t={t} />
    </>
  );
}
