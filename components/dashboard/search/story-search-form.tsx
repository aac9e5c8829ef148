import Link from "next/link";
import { ArticleStatus } from "@/lib/db/generated/enums";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";
import { hasFilters, searchHref, type SearchRequest } from "@/lib/search-pages/search-request";
import type { StorySearchOptions } from "@/lib/stories/story-search-options";

const control = "mt-1 block w-full rounded border border-neutral-300 bg-white px-2 py-1";

/** 全文搜索's form: the query and the filters, a plain GET form whose fields are the URL's parameters. */
export function StorySearchForm(props: { action: string; request: SearchRequest; options: StorySearchOptions; m: DashboardMessages }) {
  const { action, request, options, m } = props;
  const t = m.search;
  const { filters } = request;
  const pageNames = filters.pageName && !options.pageNames.includes(filters.pageName) ? [...options.pageNames, filters.pageName] : options.pageNames;
  const people =
    filters.personId && !options.people.some((person) => person.id === filters.personId) ? [...options.people, { id: filters.personId, name: t.otherPerson }] : options.people;
  return (
    <form role="search" aria-label={t.form} action={action} method="get" className="mt-4 grid gap-3 rounded border border-neutral-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-6">
      <label className="text-sm sm:col-span-2">
        {t.q}
        <input type="search" name="q" defaultValue={request.q} maxLength={100} className={control} />
      </label>
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
        {t.from}
        <input type="date" name="from" defaultValue={filters.from ?? ""} className={control} />
      </label>
      <label className="text-sm">
        {t.to}
        <input type="date" name="to" defaultValue={filters.to ?? ""} className={control} />
      </label>
      <label className="text-sm">
        {t.pageName}
        <select name="pageName" defaultValue={filters.pageName ?? ""} className={control}>
          <option value="">{t.allPageNames}</option>
          {pageNames.map((name) => (
            <option key={name} value={name}>
              {name}
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
      <div className="flex items-end gap-3">
        <button type="submit" className="rounded bg-neutral-900 px-3 py-1 text-white">
          {t.submit}
        </button>
        {hasFilters(request) && (
          <Link href={searchHref(action, { ...request, page: 1 }, { filters: {} })} className="text-sm">
            {t.reset}
          </Link>
        )}
      </div>
    </form>
  );
}
