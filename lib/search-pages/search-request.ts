import { searchParamsSchema, type SearchFilters } from "@/lib/search/search-articles";

// The URL state of the search pages (the reader's /search and the dashboard's
// /admin/search): query, filters and page, read from the URL and written back
// into links (filters, paging, the 简/繁 switch), so a search can be bookmarked,
// shared and reloaded. Nothing here refuses a request: what does not parse is
// dropped (searchParamsSchema), and the query is only cut.

/** A page's `searchParams` as Next.js passes them. */
export type UrlSearchParams = Record<string, string | string[] | undefined>;

export type SearchPageAudience = "reader" | "staff";

export interface SearchRequest {
  /** The query as typed (cut to MAX_SHOWN_QUERY characters; the search itself cuts to 100). */
  q: string;
  filters: SearchFilters;
  page: number;
}

/** Longer queries are shown cut to this (the search reads only the first 100 characters). */
export const MAX_SHOWN_QUERY = 200;

const FILTER_KEYS = ["from", "to", "pageName", "personId", "status"] as const satisfies readonly (keyof SearchFilters)[];

/** The first value of each parameter (`?q=a&q=b` reads `a`). */
function firstValues(params: UrlSearchParams): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string") values[key] = first;
  }
  return values;
}

/**
 * Query, filters and page of a search page's URL. Readers have no status
 * filter (they only ever see published stories); an empty field is no filter.
 */
export function parseSearchRequest(params: UrlSearchParams, audience: SearchPageAudience): SearchRequest {
  const parsed = searchParamsSchema.parse(firstValues(params));
  const filters: SearchFilters = {};
  if (parsed.from) filters.from = parsed.from;
  if (parsed.to) filters.to = parsed.to;
  if (parsed.pageName) filters.pageName = parsed.pageName;
  if (parsed.personId) filters.personId = parsed.personId;
  if (audience === "staff" && parsed.status) filters.status = parsed.status;
  return { q: Array.from(parsed.q).slice(0, MAX_SHOWN_QUERY).join(""), filters, page: parsed.page };
}

/** Whether any filter narrows the search. */
export function hasFilters(request: SearchRequest): boolean {
  return FILTER_KEYS.some((key) => request.filters[key] !== undefined);
}

/**
 * The URL of a search page for a request: `path?q=…&from=…&page=2`, with empty
 * values and page 1 left out. Non-ASCII is percent-encoded (the 简/繁 switch
 * only accepts ASCII paths).
 */
export function searchHref(path: string, request: SearchRequest, changes: { page?: number; filters?: SearchFilters } = {}): string {
  const filters = changes.filters ?? request.filters;
  const page = changes.page ?? request.page;
  const params = new URLSearchParams();
  if (request.q.trim()) params.set("q", request.q);
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export type PageLink = { kind: "page"; page: number } | { kind: "gap"; key: string };

/**
 * Page numbers to offer in a pager: the first and last page, and `radius`
 * pages either side of the current one; a gap ("…") where numbers are left out
 * (a gap of one page shows that page instead).
 */
export function pageLinks(current: number, pages: number, radius = 2): PageLink[] {
  if (pages <= 1) return pages === 1 ? [{ kind: "page", page: 1 }] : [];
  const shown = new Set<number>([1, pages]);
  for (let page = current - radius; page <= current + radius; page += 1) if (page >= 1 && page <= pages) shown.add(page);
  const sorted = [...shown].sort((a, b) => a - b);
  const links: PageLink[] = [];
  sorted.forEach((page, index) => {
    const previous = sorted[index - 1];
    if (previous !== undefined && page - previous === 2) links.push({ kind: "page", page: previous + 1 });
    else if (previous !== undefined && page - previous > 2) links.push({ kind: "gap", key: `gap-${previous}` });
    links.push({ kind: "page", page });
  });
  return links;
}
