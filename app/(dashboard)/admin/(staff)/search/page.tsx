import type { Metadata } from "next";
import { StorySearchForm } from "@/components/dashboard/search/story-search-form";
import { StorySearchResults } from "@/components/dashboard/search/story-search-results";
import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { getDashboardMessages } from "@/lib/i18n/dashboard-locale";
import { parseSearchRequest } from "@/lib/search-pages/search-request";
import { searchArticles } from "@/lib/search/search-articles";
import { storySearchOptions } from "@/lib/stories/story-search-options";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getDashboardMessages();
  return { title: m.search.title };
}

const PATH = "/admin/search";

/** 全文搜索: every story the user may see in the story list, unpublished ones included, by full-text search. */
export default async function StorySearchPage({ searchParams }: PageProps<"/admin/search">) {
  const user = await requireUser();
  const { m } = await getDashboardMessages();
  const request = parseSearchRequest(await searchParams, "staff");
  const db = getDb();
  const [result, options] = await Promise.all([
    searchArticles({ db, audience: { kind: "staff", actor: user }, q: request.q, filters: request.filters, page: request.page }),
    storySearchOptions({ db }),
  ]);
  return (
    <main>
      <h1 className="text-2xl font-bold">{m.search.title}</h1>
      <p className="mt-1 text-sm text-neutral-700">{m.search.intro}</p>
      <StorySearchForm action={PATH} request={request} options={options} m={m} />
      <StorySearchResults result={result} request={request} path={PATH} m={m} />
    </main>
  );
}
