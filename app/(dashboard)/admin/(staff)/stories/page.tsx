import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { NewStoryButton } from "@/components/dashboard/stories/new-story-button";
import { requireUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { ArticleStatus } from "@/lib/db/generated/enums";
import { getDashboardMessages } from "@/lib/i18n/dashboard-locale";
import { listStories } from "@/lib/stories/list-stories";
import { findDefaultPublication } from "@/lib/publications/default-publication";
import { newsroomDateTimeFormat } from "@/lib/time/newsroom-time";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getDashboardMessages();
  return { title: m.stories.title };
}

// Filters come from the URL so a filtered queue can be bookmarked and shared;
// anything malformed is ignored rather than an error.
const filtersSchema = z.object({
  status: z.enum(ArticleStatus).optional().catch(undefined),
  date: z.iso.date().optional().catch(undefined),
  pageNameId: z.uuid().optional().catch(undefined),
  personId: z.uuid().optional().catch(undefined),
  q: z.string().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

const control = "mt-1 block w-full rounded border border-neutral-300 px-2 py-1";

export default async function StoriesPage({ searchParams }: PageProps<"/admin/stories">) {
  const user = await requireUser();
  const { locale, m } = await getDashboardMessages();
  const filters = filtersSchema.parse(await searchParams);
  const db = getDb();
  const publication = await findDefaultPublication(db);
  const [result, pageNames, people] = await Promise.all([
    listStories({ db, actor: user, filters }),
    db.pageName.findMany({ where: { publicationId: publication?.id, active: true }, orderBy: { position: "asc" }, select: { id: true, name: true } }),
    db.person.findMany({ where: { publicationId: publication?.id }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  const t = m.stories.list;
  const pageHref = (page: number) => {
    const params = new URLSearchParams(Object.entries({ ...filters, page }).flatMap(([key, value]) => (value === undefined || value === "" ? [] : [[key, String(value)]])));
    return `/admin/stories?${params}`;
  };
  const dateFormat = newsroomDateTimeFormat(locale, { month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });

  return (
    <main>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{m.stories.title}</h1>
        {can(user.role, "story.create") && <NewStoryButton label={m.stories.newStory} />}
      </div>

      <form method="get" role="search" aria-label={t.filters} className="mt-4 grid gap-3 rounded border border-neutral-200 bg-white p-3 sm:grid-cols-3 lg:grid-cols-6">
        <label className="text-sm">
          {t.status}
          <select name="status" defaultValue={filters.status ?? ""} className={control}>
            <option value="">{t.allStatuses}</option>
            {Object.values(ArticleStatus).map((status) => (
              <option key={status} value={status}>
                {m.articleStatus[status]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          {t.date}
          <input type="date" name="date" defaultValue={filters.date ?? ""} className={control} />
        </label>
        <label className="text-sm">
          {t.pageName}
          <select name="pageNameId" defaultValue={filters.pageNameId ?? ""} className={control}>
            <option value="">{t.allPageNames}</option>
            {pageNames.map((pageName) => (
              <option key={pageName.id} value={pageName.id}>
                {pageName.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          {t.person}
          <select name="personId" defaultValue={filters.personId ?? ""} className={control}>
            <option value="">{t.allPeople}</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          {t.q}
          <input type="search" name="q" defaultValue={filters.q ?? ""} className={control} />
        </label>
        <div className="flex items-end gap-2">
          <button type="submit" className="rounded bg-neutral-900 px-3 py-1 text-white">
            {t.apply}
          </button>
          <Link href="/admin/stories" className="text-sm">
            {t.reset}
          </Link>
        </div>
      </form>
      <p className="mt-2 text-sm">
        <Link href={filters.q?.trim() ? `/admin/search?${new URLSearchParams({ q: filters.q.trim() })}` : "/admin/search"}>{m.search.storiesLink}</Link>
      </p>

      <p className="mt-4 text-sm text-neutral-700">{t.total(result.total)}</p>
      {result.stories.length === 0 ? (
        <p className="mt-4">{t.empty}</p>
      ) : (
        <div className="mt-2 overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm">
            <caption className="sr-only">{t.caption}</caption>
            <thead>
              <tr className="border-b border-neutral-300 text-left">
                <th scope="col" className="p-2">{t.headline}</th>
                <th scope="col" className="p-2">{t.status}</th>
                <th scope="col" className="p-2">{t.byline}</th>
                <th scope="col" className="p-2">{t.pageName}</th>
                <th scope="col" className="p-2">{t.date}</th>
                <th scope="col" className="p-2 text-right">{t.words}</th>
                <th scope="col" className="p-2">{t.updated}</th>
              </tr>
            </thead>
            <tbody>
              {result.stories.map((story) => (
                <tr key={story.id} className="border-b border-neutral-200">
                  <td className="p-2">
                    {story.kicker && <span className="block text-xs text-neutral-600">{story.kicker}</span>}
                    <Link href={`/admin/stories/${story.id}`} className="font-medium">
                      {story.headline || m.stories.untitled}
                    </Link>
                  </td>
                  <td className="p-2">{m.articleStatus[story.status]}</td>
                  <td className="p-2">{story.bylines.map((byline) => byline.display).join(" ")}</td>
                  <td className="p-2">{story.plannedPageName?.name}</td>
                  <td className="p-2 tabular-nums">{story.plannedDate?.toISOString().slice(0, 10)}</td>
                  <td className="p-2 text-right tabular-nums">{story.wordCount}</td>
                  <td className="p-2 tabular-nums">
                    {dateFormat.format(story.updatedAt)} {story.updatedBy?.name}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result.pages > 1 && (
        <nav aria-label={t.pagination} className="mt-4 flex items-center gap-4 text-sm">
          {result.page > 1 && <Link href={pageHref(result.page - 1)}>{t.previous}</Link>}
          <span>{t.pageOf(result.page, result.pages)}</span>
          {result.page < result.pages && <Link href={pageHref(result.page + 1)}>{t.next}</Link>}
        </nav>
      )}
    </main>
  );
}
