import { z } from "zod";
import { cleanText, isSafeText } from "@/lib/validation/safe-text";
import { articleBodySchema, bodyPlainText } from "@/lib/articles/body";
import type { Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { ArticleStatus } from "@/lib/db/generated/enums";
import { isoEditionDate } from "@/lib/time/edition-date";
import { visibleStoriesWhere } from "@/lib/stories/list-stories";
import { highlight, snippet } from "./highlight";
import { needsPositions, parseSearchQuery, queryWords, toLooseTsquery, toTsquery } from "./parse-query";

// Search over article_search (see index-article.ts): the query's tsquery against
// the GIN index, the filters on the copied columns, ranked by cover density with
// weights (headline ≫ kicker/subtitle/summary > body/captions > bylines), a
// headline match first, and recency (edition date, then last change) breaking
// ties. Readers search what they can see; staff what the story list shows them.
//
// Ranking reads each ranked story's whole document, so a word found in most of
// twenty years of stories (江门, 发展) cannot be ranked over all its matches in
// time. Matches are first counted with the query's loose form (every word, no
// order: parse-query.ts), which the GIN index answers without reading documents.
// Up to SEARCH_COUNT_CAP of them are all ranked; beyond that (the count says
// "1000+"), the ranked set is the stories with every word in their head
// (headline, kicker, subtitle, summary: the `head` column, which stays in the
// row while documents are compressed out of it), the newest HEAD_CANDIDATES of
// them, together with the newest RECENT_CANDIDATES matches of any kind. An old
// story that is about the words is still found; one that only mentions them in
// its body is not, among thousands that do. Phrases
// (and words matched character by character) are checked on that set only, so
// a phrase of two common words that never meet costs no more than a word.

export const SEARCH_PAGE_SIZE = 20;
/** Matches are counted up to this; more reads "1000+" (counting every match of a common word costs time). */
export const SEARCH_COUNT_CAP = 1000;
export const SEARCH_MAX_PAGE = SEARCH_COUNT_CAP / SEARCH_PAGE_SIZE;

/** ts_rank_cd's weights, in its order {D, C, B, A}. */
const RANK_WEIGHTS = "{0.1,0.2,0.4,1.0}";

/** Bounds of the ranked set of a query with more than SEARCH_COUNT_CAP matches (see above). */
export const HEAD_CANDIDATES = 500;
export const RECENT_CANDIDATES = 200;

export type SearchAudience = { kind: "reader"; publicationId: string } | { kind: "staff"; actor: Actor; publicationId?: string };

export interface SearchFilters {
  /** Edition dates, yyyy-mm-dd, both inclusive. */
  from?: string;
  to?: string;
  /** A page name (版名) the article is on. */
  pageName?: string;
  /** A person on the byline. */
  personId?: string;
  /** Staff only. */
  status?: ArticleStatus;
}

const isoDate = z.iso.date();
const articleStatus = z.enum(["DRAFT", "SUBMITTED", "EDITING", "READY", "PUBLISHED", "KILLED"]);

/**
 * Search parameters from a URL or form. Nothing here refuses a request: a value
 * that does not parse is dropped (a bad date is no filter), and the query itself
 * is only cut, by parseSearchQuery.
 */
export const searchParamsSchema = z.object({
  // What cannot be stored cannot be searched for either: dropped, not refused.
  q: z.string().transform((q) => cleanText(q)).catch(""),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  pageName: z.string().trim().min(1).max(40).refine((name) => isSafeText(name)).optional().catch(undefined),
  personId: z.uuid().optional().catch(undefined),
  status: articleStatus.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(SEARCH_MAX_PAGE).catch(1),
});
export type SearchParams = z.infer<typeof searchParamsSchema>;

export interface SearchHit {
  articleId: string;
  kicker: string | null;
  headline: string;
  subtitle: string | null;
  /** The headline, escaped, with the query's words in <mark>. */
  headlineHtml: string;
  /** About 120 characters of the text around the matches, escaped, with <mark>. */
  snippetHtml: string;
  status: ArticleStatus;
  bylines: string[];
  /** Where it starts (the first part readers can see, for readers): for its URL and page. Unplaced: the planned date. */
  editionDate: string | null;
  pageNumber: string | null;
  pageName: string | null;
  position: number | null;
  score: number;
}

/** Why there are no results without searching: nothing typed, or nothing searchable typed (only punctuation, emoji). */
export type SearchEmptyReason = "blank" | "no_terms";

export interface SearchResult {
  reason: SearchEmptyReason | null;
  /** The words searched for, as segmented (for "searched for: …"). */
  words: string[];
  /** The query was cut to its first 100 characters (or 32 words). */
  truncated: boolean;
  /** Matches: exact, or with `totalCapped` at least this many. */
  total: number;
  /**
   * Counting stopped: more than SEARCH_COUNT_CAP stories have the words, and only
   * the bounded set (see above) was ranked; `total` is the cap, or the phrase
   * matches found in that set.
   */
  totalCapped: boolean;
  page: number;
  pages: number;
  pageSize: number;
  hits: SearchHit[];
}

/** Drops NUL and other control characters, which PostgreSQL text parameters refuse. */
const clean = (value: string) => value.replace(/\p{Cc}/gu, "").trim();

async function audienceConditions(db: Db, audience: SearchAudience): Promise<Prisma.Sql[] | null> {
  if (audience.kind === "reader") return [Prisma.sql`s.publication_id = ${audience.publicationId}::uuid`, Prisma.sql`s.visible`];
  const conditions: Prisma.Sql[] = [];
  if (audience.publicationId) conditions.push(Prisma.sql`s.publication_id = ${audience.publicationId}::uuid`);
  // The same rule as the story list: the desk sees every story, others their own (or those they photograph).
  const where = visibleStoriesWhere(audience.actor);
  if (Object.keys(where).length > 0) {
    const ids = (await db.article.findMany({ where, select: { id: true } })).map((article) => article.id);
    if (ids.length === 0) return null;
    conditions.push(Prisma.sql`s.article_id = ANY(${ids}::uuid[])`);
  }
  return conditions;
}

function filterConditions(filters: SearchFilters, audience: SearchAudience): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  let { from, to } = filters;
  if (from && to && from > to) [from, to] = [to, from];
  if (from && isoDate.safeParse(from).success) conditions.push(Prisma.sql`s.edition_date >= ${from}::date`);
  if (to && isoDate.safeParse(to).success) conditions.push(Prisma.sql`s.edition_date <= ${to}::date`);
  const pageName = filters.pageName ? clean(filters.pageName) : "";
  if (pageName) conditions.push(Prisma.sql`s.page_names @> ARRAY[${pageName}]::text[]`);
  if (filters.personId && z.uuid().safeParse(filters.personId).success) conditions.push(Prisma.sql`s.byline_person_ids @> ARRAY[${filters.personId}]::uuid[]`);
  if (audience.kind === "staff" && filters.status) conditions.push(Prisma.sql`s.status = ${filters.status}::article_status`);
  return conditions;
}

/**
 * Searches articles. Any query is answered: a blank or unsearchable one with an
 * empty result and its reason, a long one cut to its first 100 characters.
 */
export async function searchArticles(options: { db: Db; audience: SearchAudience; q: string; filters?: SearchFilters; page?: number }): Promise<SearchResult> {
  const { db, audience } = options;
  const parsed = parseSearchQuery(options.q);
  const words = queryWords(parsed);
  const page = Math.min(Math.max(1, Math.trunc(options.page ?? 1) || 1), SEARCH_MAX_PAGE);
  const empty = (reason: SearchEmptyReason | null): SearchResult => ({
    reason,
    words,
    truncated: parsed.truncated,
    total: 0,
    totalCapped: false,
    page,
    pages: 0,
    pageSize: SEARCH_PAGE_SIZE,
    hits: [],
  });
  const query = toTsquery(parsed);
  const headlineQuery = toTsquery(parsed, { headlineOnly: true });
  const loose = toLooseTsquery(parsed);
  if (!query || !headlineQuery || !loose) return empty(parsed.blank ? "blank" : "no_terms");

  const audienceWhere = await audienceConditions(db, audience);
  if (!audienceWhere) return empty(null);
  const filters = Prisma.join([...audienceWhere, ...filterConditions(options.filters ?? {}, audience), Prisma.sql`true`], " AND ");
  // Matches are counted and candidates chosen with the loose query, which the GIN index answers without
  // reading documents; phrases and words matched character by character are checked on the candidates only.
  // The filters come first in each WHERE: PostgreSQL tests conditions of equal cost in the order written,
  // and a page name or byline is read from the row, a document from its TOAST table.
  const positional = needsPositions(parsed);

  const { looseMatches, bounded, ranked } = await db.$transaction(async (tx) => {
    // A sequential scan of article_search reads every document it filters (they are TOASTed, and the
    // planner does not count that): with a LIMIT and a common word it looks cheap, and it is, unless the
    // matches it wants lie far into the table (a date filter), which takes seconds. The GIN indexes and the
    // date indexes answer every search.
    await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
    const counted = await tx.$queryRaw<{ n: number }[]>(
      Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM article_search s WHERE ${filters} AND s.document @@ ${loose}::tsquery LIMIT ${SEARCH_COUNT_CAP + 1}) AS matches`,
    );
    const looseMatches = counted[0]?.n ?? 0;
    const bounded = looseMatches > SEARCH_COUNT_CAP;
    if (looseMatches === 0) return { looseMatches, bounded, ranked: [] };
    // Newest first, walking a date index (publication, visible, edition date for readers; edition date for
    // staff), so a common word stops early. The head is in the row: testing it reads no document.
    const newest = Prisma.sql`ORDER BY s.edition_date DESC, s.updated_at DESC`;
    const candidates = bounded
      ? Prisma.sql`
          (SELECT s.article_id FROM article_search s WHERE ${filters} AND s.head @@ ${loose}::tsquery ${newest} LIMIT ${HEAD_CANDIDATES})
          UNION
          (SELECT s.article_id FROM article_search s WHERE ${filters} AND s.document @@ ${loose}::tsquery ${newest} LIMIT ${RECENT_CANDIDATES})`
      : Prisma.sql`SELECT s.article_id FROM article_search s WHERE ${filters} AND s.document @@ ${loose}::tsquery`;
    // Each candidate's row is then read by its key (OFFSET 0 keeps the planner from joining the other way
    // round: from every match of the phrase in the table to the candidates).
    const ranked = await tx.$queryRaw<{ id: string; score: number; ranked: number }[]>(Prisma.sql`
    WITH candidates AS MATERIALIZED (${candidates})
    SELECT s.article_id AS id,
      ((s.document @@ ${headlineQuery}::tsquery)::int + ts_rank_cd(${RANK_WEIGHTS}::float4[], s.document, ${query}::tsquery, 32))::float8 AS score,
      (count(*) OVER ())::int AS ranked
    FROM candidates c
    CROSS JOIN LATERAL (SELECT * FROM article_search r WHERE r.article_id = c.article_id OFFSET 0) s
    ${positional ? Prisma.sql`WHERE s.document @@ ${query}::tsquery` : Prisma.empty}
    ORDER BY score DESC, s.edition_date DESC NULLS LAST, s.updated_at DESC, s.article_id DESC
    LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${(page - 1) * SEARCH_PAGE_SIZE}`);
    return { looseMatches, bounded, ranked };
  });
  if (looseMatches === 0) return empty(null);
  // The loose count is the total unless positions had to be checked; then the matches among the candidates are
  // (all of them unless bounded). A page past the end only tells that they end before it.
  const checked = ranked[0]?.ranked ?? Math.min(looseMatches, (page - 1) * SEARCH_PAGE_SIZE);
  const total = Math.min(positional ? checked : looseMatches, SEARCH_COUNT_CAP);
  // With a bounded candidate set, the pages end where it does; the total then reads "n+".
  const reachable = bounded ? Math.min(total, checked) : total;
  const hits = await loadHits(db, audience, ranked, words);
  return {
    reason: null,
    words,
    truncated: parsed.truncated,
    total,
    // (A phrase not found in the bounded set is "no results", though older stories might have it.)
    totalCapped: bounded && total > 0,
    page,
    pages: Math.ceil(reachable / SEARCH_PAGE_SIZE),
    pageSize: SEARCH_PAGE_SIZE,
    hits,
  };
}

interface HitRow {
  id: string;
  kicker: string | null;
  headline: string;
  subtitle: string | null;
  summary: string | null;
  body: unknown;
  status: ArticleStatus;
  plannedDate: Date | null;
  bylines: string[];
  /** In part order; dates as yyyy-mm-dd (JSON). */
  placements: { position: number; page: { number: string; name: string; status: string; edition: { date: string; status: string } } }[];
}

/** The ranked articles with what a result shows, in rank order. */
async function loadHits(db: Db, audience: SearchAudience, ranked: { id: string; score: number }[], words: string[]): Promise<SearchHit[]> {
  if (ranked.length === 0) return [];
  const reader = audience.kind === "reader";
  // One round trip for the page of hits (the relations as JSON), where Prisma's include would take five.
  const articles = await db.$queryRaw<HitRow[]>`
    SELECT a.id, a.kicker, a.headline, a.subtitle, a.summary, a.body, a.status, a.planned_date AS "plannedDate",
      COALESCE((SELECT json_agg(b.display ORDER BY b.position) FROM bylines b WHERE b.article_id = a.id), '[]') AS bylines,
      COALESCE((
        SELECT json_agg(json_build_object('position', pl.position, 'page', json_build_object('number', pg.number, 'name', pg.name,
          'status', pg.status, 'edition', json_build_object('date', e.date, 'status', e.status))) ORDER BY pl.part)
        FROM placements pl JOIN pages pg ON pg.id = pl.page_id JOIN editions e ON e.id = pg.edition_id
        WHERE pl.article_id = a.id
      ), '[]') AS placements
    FROM articles a
    -- For readers the status is checked once more: a stale index row never shows an unpublished story.
    WHERE a.id = ANY(${ranked.map((row) => row.id)}::uuid[]) ${reader ? Prisma.sql`AND a.status = 'PUBLISHED'` : Prisma.empty}`;
  const byId = new Map(articles.map((article) => [article.id, article]));
  return ranked.flatMap(({ id, score }) => {
    const article = byId.get(id);
    if (!article) return [];
    const home = reader
      ? article.placements.find(({ page }) => page.status === "PUBLISHED" && page.edition.status === "PUBLISHED")
      : article.placements[0];
    if (reader && !home) return [];
    const body = articleBodySchema.safeParse(article.body);
    const bodyText = body.success ? bodyPlainText(body.data) : "";
    const inBody = snippet(bodyText, words);
    const text = !inBody.matched && article.summary && snippet(article.summary, words).matched ? snippet(article.summary, words) : inBody;
    return [
      {
        articleId: article.id,
        kicker: article.kicker,
        headline: article.headline,
        subtitle: article.subtitle,
        headlineHtml: highlight(article.headline, words),
        snippetHtml: text.html,
        status: article.status,
        bylines: article.bylines,
        editionDate: home ? home.page.edition.date : article.plannedDate ? isoEditionDate(article.plannedDate) : null,
        pageNumber: home?.page.number ?? null,
        pageName: home?.page.name ?? null,
        position: home?.position ?? null,
        score,
      },
    ];
  });
}
