import type { ReaderSearchOptions } from "@/lib/reader/find-search-options";
import { hasFilters, searchHref, type SearchRequest } from "@/lib/search-pages/search-request";

const control = "mt-1 block w-full rounded border border-neutral-400 bg-white px-2 py-1";

/**
 * The search page's own form: the query and the filters (出版日期, 版面, 作者),
 * a plain GET form whose fields are the URL's parameters. A new search starts on page 1.
 */
export function ReaderSearchFilters(props: { action: string; request: SearchRequest; options: ReaderSearchOptions; t: (text: string) => string }) {
  const { action, request, options, t } = props;
  const { filters } = request;
  // A filter from the URL that is not among the choices stays chosen (and visible) rather than silently dropped.
  const pageNames = filters.pageName && !options.pageNames.includes(filters.pageName) ? [...options.pageNames, filters.pageName] : options.pageNames;
  const people =
    filters.personId && !options.people.some((person) => person.id === filters.personId) ? [...options.people, { id: filters.personId, name: "（其他作者）" }] : options.people;
  return (
    <form role="search" aria-label={t("搜索与筛选")} action={action} method="get" className="grid gap-3 rounded border border-neutral-300 bg-white p-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_1fr_auto] lg:items-end">
      <label className="text-sm">
        {t("检索词")}
        <input type="search" name="q" defaultValue={request.q} maxLength={100} className={control} />
      </label>
      <label className="text-sm">
        {t("起始日期")}
        <input type="date" name="from" defaultValue={filters.from ?? ""} className={control} />
      </label>
      <label className="text-sm">
        {t("截止日期")}
        <input type="date" name="to" defaultValue={filters.to ?? ""} className={control} />
      </label>
      <label className="text-sm">
        {t("版面")}
        <select name="pageName" defaultValue={filters.pageName ?? ""} className={control}>
          <option value="">{t("全部版面")}</option>
          {pageNames.map((name) => (
            <option key={name} value={name}>
              {t(name)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        {t("作者")}
        <select name="personId" defaultValue={filters.personId ?? ""} className={control}>
          <option value="">{t("全部作者")}</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {t(person.name)}
            </option>
          ))}
        </select>
      </label>
      <div className="flex items-center gap-3 sm:col-span-2 lg:col-span-1">
        <button type="submit" className="rounded bg-brand px-4 py-1.5 text-white hover:bg-brand-dark">
          {t("搜索")}
        </button>
        {hasFilters(request) && (
          <a href={searchHref(action, { ...request, page: 1 }, { filters: {} })} className="whitespace-nowrap text-sm">
            {t("清除筛选")}
          </a>
        )}
      </div>
    </form>
  );
}
