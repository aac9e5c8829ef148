import { articleBodySchema, bodyPlainText } from "@/lib/articles/body";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { buildDocument } from "./document";
import { SEGMENTER_VERSION } from "./segment";

// Keeps `article_search` right. Every write that changes what a story says or
// who may find it (saves, workflow moves, publishing and withdrawing, placements,
// captions, imports) calls reindexArticles inside its own transaction, so the
// index commits or rolls back with the change: a withdrawn edition is gone from
// the reader's search the moment the withdrawal commits.

const BATCH = 200;

const articleSelect = {
  id: true,
  publicationId: true,
  kicker: true,
  headline: true,
  subtitle: true,
  summary: true,
  body: true,
  status: true,
  updatedAt: true,
  plannedDate: true,
  plannedPageName: { select: { name: true } },
  bylines: { orderBy: { position: "asc" }, select: { personId: true, name: true, display: true } },
  photos: { orderBy: { position: "asc" }, select: { captionOverride: true, photo: { select: { caption: true, credit: true } } } },
  placements: { orderBy: { part: "asc" }, select: { page: { select: { name: true, status: true, edition: { select: { date: true, status: true } } } } } },
} satisfies Prisma.ArticleSelect;

type IndexedArticle = Prisma.ArticleGetPayload<{ select: typeof articleSelect }>;

interface SearchRow {
  article_id: string;
  publication_id: string;
  document: string;
  visible: boolean;
  status: string;
  edition_date: string | null;
  page_names: string[];
  byline_person_ids: string[];
  byline_names: string[];
  updated_at: string;
  segmenter_version: number;
}

function plainBody(body: unknown): string {
  const parsed = articleBodySchema.safeParse(body);
  return parsed.success ? bodyPlainText(parsed.data) : "";
}

/** The index row of one article, from its current data. */
export function searchRow(article: IndexedArticle): SearchRow {
  const published = article.placements.filter(({ page }) => page.status === "PUBLISHED" && page.edition.status === "PUBLISHED");
  const visible = article.status === "PUBLISHED" && published.length > 0;
  // Readers find a story by the pages they can see; staff by where it is placed, else where it is planned.
  const placements = visible ? published : article.placements;
  const date = placements[0]?.page.edition.date ?? article.plannedDate;
  const pageNames = placements.length ? placements.map(({ page }) => page.name) : article.plannedPageName ? [article.plannedPageName.name] : [];

  const document = buildDocument([
    { weight: "A", text: article.headline },
    { weight: "B", text: article.kicker },
    { weight: "B", text: article.subtitle },
    { weight: "B", text: article.summary },
    ...article.bylines.flatMap((byline) => [
      { weight: "D" as const, text: byline.name },
      { weight: "D" as const, text: byline.display },
    ]),
    ...article.photos.flatMap(({ captionOverride, photo }) => [
      { weight: "C" as const, text: captionOverride ?? photo.caption },
      { weight: "D" as const, text: photo.credit },
    ]),
    { weight: "C", text: plainBody(article.body) },
  ]);

  return {
    article_id: article.id,
    publication_id: article.publicationId,
    document,
    visible,
    status: article.status,
    edition_date: date ? date.toISOString().slice(0, 10) : null,
    page_names: [...new Set(pageNames)],
    byline_person_ids: [...new Set(article.bylines.flatMap((byline) => (byline.personId ? [byline.personId] : [])))],
    byline_names: [...new Set(article.bylines.map((byline) => byline.name))],
    updated_at: article.updatedAt.toISOString(),
    segmenter_version: SEGMENTER_VERSION,
  };
}

/**
 * Recomputes the index rows of these articles from their current data, inside
 * the caller's transaction; an article that no longer exists loses its row.
 * The articles' rows are locked first (FOR NO KEY UPDATE, in id order), so two
 * transactions reindexing the same story write in the order they commit and the
 * later one reads what the earlier one wrote.
 */
export async function reindexArticles(tx: Tx, articleIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(articleIds)].sort();
  for (let start = 0; start < ids.length; start += BATCH) {
    const batch = ids.slice(start, start + BATCH);
    await tx.$queryRaw(Prisma.sql`SELECT id FROM articles WHERE id = ANY(${batch}::uuid[]) ORDER BY id FOR NO KEY UPDATE`);
    const articles = await tx.article.findMany({ where: { id: { in: batch } }, select: articleSelect });
    const found = new Set(articles.map((article) => article.id));
    const gone = batch.filter((id) => !found.has(id));
    if (gone.length) await tx.$executeRaw(Prisma.sql`DELETE FROM article_search WHERE article_id = ANY(${gone}::uuid[])`);
    if (articles.length === 0) continue;
    const rows = JSON.stringify(articles.map(searchRow));
    await tx.$executeRaw(Prisma.sql`
      INSERT INTO article_search AS s (article_id, publication_id, document, visible, status, edition_date, page_names, byline_person_ids, byline_names, updated_at, segmenter_version)
      SELECT r.article_id, r.publication_id, r.document::tsvector, r.visible, r.status::article_status, r.edition_date, r.page_names, r.byline_person_ids, r.byline_names, r.updated_at, r.segmenter_version
      FROM jsonb_to_recordset(${rows}::jsonb) AS r(
        article_id uuid, publication_id uuid, document text, visible boolean, status text, edition_date date,
        page_names text[], byline_person_ids uuid[], byline_names text[], updated_at timestamptz, segmenter_version int
      )
      ON CONFLICT (article_id) DO UPDATE SET
        publication_id = EXCLUDED.publication_id,
        document = EXCLUDED.document,
        visible = EXCLUDED.visible,
        status = EXCLUDED.status,
        edition_date = EXCLUDED.edition_date,
        page_names = EXCLUDED.page_names,
        byline_person_ids = EXCLUDED.byline_person_ids,
        byline_names = EXCLUDED.byline_names,
        updated_at = EXCLUDED.updated_at,
        segmenter_version = EXCLUDED.segmenter_version`);
  }
}

/** Reindexes every article placed on these pages (a page published, withdrawn, renamed or removed). */
export async function reindexPageArticles(tx: Tx, pageIds: readonly string[]): Promise<void> {
  if (pageIds.length === 0) return;
  const placements = await tx.placement.findMany({ where: { pageId: { in: [...pageIds] } }, select: { articleId: true } });
  await reindexArticles(tx, placements.map((placement) => placement.articleId));
}

/** Reindexes every article placed in the edition (published, withdrawn, imported). */
export async function reindexEditionArticles(tx: Tx, editionId: string): Promise<void> {
  const placements = await tx.placement.findMany({ where: { page: { editionId } }, select: { articleId: true } });
  await reindexArticles(tx, placements.map((placement) => placement.articleId));
}
