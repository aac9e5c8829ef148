import type { Metadata } from "next";
import { ReaderHeader } from "@/components/reader/reader-header";
import { ReaderSearchFilters } from "@/components/reader/search-filters";
import { ReaderSearchResults } from "@/components/reader/search-results";
import { SiteFooter } from "@/components/reader/site-footer";
import { getDb } from "@/lib/db/client";
import { findSearchOptions } from "@/lib/reader/find-search-options";
import { readerContext } from "@/lib/reader/reader-context";
import { searchUrl } from "@/lib/reader/urls";
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
  const { context, request } = await load(props);
  const { t, publication } = context;
  // Result lists are not for search engines (the articles are, through the sitemaps).
  return { title: t(`${heading(request)} - ${publication.name}`), robots: { index: false, follow: true } };
}

/** `/search?q=…&from=…&to=…&pageName=…&personId=…&page=…`: the reader's search over published articles. */
export default async function SearchPage(props: Props) {
  const { context, request, path } = await load(props);
  const { t, publication, script } = context;
  const [result, options] = await Promise.all([
    searchArticles({ db: getDb(), audience: { kind: "reader", publicationId: publication.id }, q: request.q, filters: request.filters, page: request.page }),
    findSearchOptions(publication.id),
  ]);

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
