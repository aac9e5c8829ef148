import { getDb } from "@/lib/db/client";
import { isoEditionDate } from "@/lib/time/edition-date";
import { olderAndNewer } from "@/lib/reader/archive-calendar";
import { archiveYears, findArchiveMonthEditions, findArchiveMonths, findEditionDatesInYear } from "@/lib/reader/find-archive";
import { findArticleView } from "@/lib/reader/find-article-view";
import { findEditionMonth } from "@/lib/reader/find-edition-dates";
import { findEditionView, type EditionView } from "@/lib/reader/find-edition-view";
import { findReaderPublications, type ReaderPublication } from "@/lib/reader/find-reader-publication";
import { scripts } from "@/lib/reader/script";
import { archiveUrl, editionUrl, type PublicationRef } from "@/lib/reader/urls";
import type { Storage } from "@/lib/storage/storage";
import { readerContextFor, type ReaderContext, type ReaderDocument, type RenderReaderDocument } from "./reader-documents";
import { readerKeys, readJson, writeJson, type EditionRoutes, type PublicationRoutes, type ScriptFiles, type SiteRoutes } from "./site-routes";
import { removeSiteCopy, storeRenderedFile, writeSiteCopy, type RenderedBodies } from "./store-rendered-file";

/** What rendering needs: where files go, the renderer, and the stylesheet's URL. */
export interface ReaderRendering {
  storage: Storage;
  render: RenderReaderDocument;
  stylesheetHref: string;
  /** The build and stylesheet doing the rendering (SiteRoutes.version). */
  version: string;
  /** Every page's copy by URL is written, changed or not (rendering everything: a store whose copies are missing). */
  rewriteCopies?: boolean;
}

/** What changed on the reader site. */
export type ReaderChange =
  /** Published, withdrawn, a page withdrawn or republished, a story killed or revived. */
  | { kind: "edition"; publicationId: string; date: string }
  /** A correction: the article's view and the pages that list it. */
  | { kind: "article"; articleId: string }
  /** Settings (name, footer, default publication): every file. */
  | { kind: "publications" };

/** An article and the pages it is on (its view is at `home`, "A05/3", where it starts). */
interface ArticleOnPages {
  id: string;
  pages: string[];
  home?: string;
}

/** Pages rendered and compressed at once (rendering is synchronous; compressing and storing are not). */
const CONCURRENCY = 8;

async function inParallel<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
}

/**
 * Copies of pages by URL (reader/site/…) to write or remove once the route
 * table that switches to them is written: nginx reads them straight from the
 * store, so they follow the table, never lead it.
 */
class SiteCopies {
  private readonly writes: { url: string; bodies: RenderedBodies }[] = [];
  private readonly removals: string[] = [];

  write(url: string, bodies: RenderedBodies | undefined) {
    if (bodies) this.writes.push({ url, bodies });
  }

  /** A path gone from a route table, in both scripts. */
  remove(urlOf: (publication: PublicationRef) => string, publication: ReaderPublication) {
    for (const script of scripts) this.removals.push(urlOf({ ...publication, script }));
  }

  async apply(storage: Storage): Promise<void> {
    await inParallel(this.writes, ({ url, bodies }) => writeSiteCopy(storage, url, bodies));
    await inParallel(this.removals, (url) => removeSiteCopy(storage, url));
  }
}

/** Renders one document in both scripts, stores the files and notes their copies by URL (`urlOf`). */
async function renderBoth(
  rendering: ReaderRendering,
  publication: ReaderPublication,
  build: (context: ReaderContext) => ReaderDocument,
  page: { previous?: ScriptFiles; urlOf?: (publication: PublicationRef) => string; copies?: SiteCopies } = {},
): Promise<ScriptFiles> {
  const [hans, hant] = await Promise.all(
    scripts.map(async (script) => {
      const html = rendering.render(build(readerContextFor(publication, script)), { stylesheetHref: rendering.stylesheetHref });
      const stored = await storeRenderedFile(rendering.storage, html, page.previous?.[script], { rewrite: rendering.rewriteCopies });
      if (page.urlOf) page.copies?.write(page.urlOf({ ...publication, script }), stored.bodies);
      return stored.ref;
    }),
  );
  return { hans: hans!, hant: hant! };
}

/**
 * One edition's files: every page view and article view, or (`pagesOnly`) the
 * page views alone, whose calendar and 上一期/下一期 change when a neighbour
 * is published, or (`article`) the article's view and the pages it is on.
 * The edition's route table is written last: the switch. An edition that is
 * not published (any more) loses its table, so its URLs are a 404 at once.
 */
async function renderEdition(rendering: ReaderRendering, publication: ReaderPublication, date: string, scope: { pagesOnly?: boolean; article?: ArticleOnPages } = {}): Promise<EditionView | null> {
  const key = readerKeys.edition(publication.slug, date);
  const previous = await readJson<EditionRoutes>(rendering.storage, key);
  const copies = new SiteCopies();
  const urlOf = (path: string) => (ref: PublicationRef) => `${editionUrl(ref, date)}/${path}`;
  const edition = await findEditionView(publication.id, date);
  if (!edition || edition.pages.length === 0) {
    await rendering.storage.delete(key);
    for (const path of Object.keys(previous?.files ?? {})) copies.remove(urlOf(path), publication);
    await copies.apply(rendering.storage);
    return null;
  }
  const month = await findEditionMonth(publication.id, date.slice(0, 7));
  // Part of an edition only on top of its files; an edition without any gets all of them.
  const only = previous ? scope : {};
  const files: Record<string, ScriptFiles> = previous && (only.pagesOnly || only.article) ? { ...previous.files } : {};
  const work: { path: string; load: () => Promise<((context: ReaderContext) => ReaderDocument) | null> }[] = [];
  for (const page of edition.pages) {
    if (only.article && !only.article.pages.includes(page.number)) continue;
    work.push({ path: page.number, load: async () => (context: ReaderContext): ReaderDocument => ({ kind: "page", context, edition, page, month }) });
    if (only.pagesOnly) continue;
    for (const placed of page.articles) {
      if (placed.part !== 1 || (only.article && placed.articleId !== only.article.id)) continue;
      work.push({
        path: `${page.number}/${placed.position}`,
        load: async () => {
          const article = await findArticleView(publication.id, placed.articleId);
          return article && ((context) => ({ kind: "article", context, edition, page, placed, article }));
        },
      });
    }
  }
  // An article no longer published (killed) leaves its view.
  if (only.article?.home && !work.some((item) => item.path === only.article!.home)) delete files[only.article.home];
  await inParallel(work, async ({ path, load }) => {
    const build = await load();
    if (build) files[path] = await renderBoth(rendering, publication, build, { previous: previous?.files[path], urlOf: urlOf(path), copies });
    else delete files[path];
  });
  await writeJson(rendering.storage, key, { first: edition.pages[0]!.number, files } satisfies EditionRoutes);
  for (const path of Object.keys(previous?.files ?? {})) if (!files[path]) copies.remove(urlOf(path), publication);
  await copies.apply(rendering.storage);
  return edition;
}

/**
 * The publication's own files: the archive (all of it, or the years and
 * months given), the 404 page, and where `/` leads. Archive pages of periods
 * without editions any more are dropped.
 */
async function renderPublicationIndex(rendering: ReaderRendering, publication: ReaderPublication, periods: { years: number[]; months: string[] } | "all"): Promise<void> {
  const key = readerKeys.publication(publication.slug);
  const previous = await readJson<PublicationRoutes>(rendering.storage, key);
  const months = await findArchiveMonths(publication.id);
  const years = archiveYears(months);
  // A period's pages and those of the periods beside it, whose 上一年/下一年 and 上一月/下一月 may change with it.
  // (A period that has no editions any more: the nearest ones either side.)
  const besides = <T extends number | string>(newestFirst: T[], wanted: T[]) =>
    wanted
      .flatMap((period) => [period, ...(newestFirst.includes(period) ? Object.values(olderAndNewer(newestFirst, period)) : [newestFirst.find((other) => other < period), newestFirst.findLast((other) => other > period)])])
      .filter((period): period is T => period !== undefined);
  const wantedYears = periods === "all" ? years.map((entry) => entry.year) : [...new Set(besides(years.map((entry) => entry.year), periods.years))];
  const wantedMonths = periods === "all" ? months.map((entry) => entry.month) : [...new Set(besides(months.map((entry) => entry.month), periods.months))];
  const archive: Record<string, ScriptFiles> = {};
  for (const [path, files] of Object.entries(previous?.archive ?? {})) {
    const stillThere = path === "" || years.some((entry) => String(entry.year) === path) || months.some((entry) => entry.month.replace("-", "/") === path);
    if (stillThere) archive[path] = files;
  }
  const work: { path: string; build: (context: ReaderContext) => ReaderDocument }[] = [{ path: "", build: (context) => ({ kind: "archive", context, months }) }];
  for (const year of wantedYears.filter((candidate) => years.some((entry) => entry.year === candidate))) {
    const dates = await findEditionDatesInYear(publication.id, year);
    work.push({ path: String(year), build: (context) => ({ kind: "archive-year", context, months, year, dates }) });
  }
  for (const month of wantedMonths.filter((candidate) => months.some((entry) => entry.month === candidate))) {
    const editions = await findArchiveMonthEditions(publication.id, month);
    work.push({ path: month.replace("-", "/"), build: (context) => ({ kind: "archive-month", context, months, month, editions }) });
  }
  for (const year of wantedYears) if (!years.some((entry) => entry.year === year)) delete archive[String(year)];
  for (const month of wantedMonths) if (!months.some((entry) => entry.month === month)) delete archive[month.replace("-", "/")];
  const copies = new SiteCopies();
  const urlOf = (path: string) => (ref: PublicationRef) => `${archiveUrl(ref)}${path ? `/${path}` : ""}`;
  await inParallel(work, async ({ path, build }) => {
    archive[path] = await renderBoth(rendering, publication, build, { previous: previous?.archive[path], urlOf: urlOf(path), copies });
  });
  // Not copied by URL: nginx asks the app for whatever the store does not have, and the app answers 404 with it.
  const notFound = await renderBoth(rendering, publication, (context) => ({ kind: "not-found", context }), { previous: previous?.notFound });
  const latestDate = months[0]?.latest;
  const latestRoutes = latestDate ? await readJson<EditionRoutes>(rendering.storage, readerKeys.edition(publication.slug, latestDate)) : null;
  const latest = latestDate && latestRoutes ? { date: latestDate, first: latestRoutes.first } : null;
  await writeJson(rendering.storage, key, { latest, archive, notFound } satisfies PublicationRoutes);
  for (const path of Object.keys(previous?.archive ?? {})) if (!archive[path]) copies.remove(urlOf(path), publication);
  await copies.apply(rendering.storage);
}

/** The list of publications; `everything` says every file was just rendered by this version. */
async function writeSiteRoutes(rendering: ReaderRendering, publications: ReaderPublication[], everything = false): Promise<void> {
  const version = everything ? rendering.version : ((await readJson<SiteRoutes>(rendering.storage, readerKeys.site()))?.version ?? null);
  const site: SiteRoutes = { defaultSlug: publications.find((publication) => publication.isDefault)?.slug ?? null, slugs: publications.map((publication) => publication.slug), version };
  await writeJson(rendering.storage, readerKeys.site(), site);
}

/** Renders what a change affects, in an order that never shows a link to a page not yet there. */
export async function renderReaderChange(rendering: ReaderRendering, change: ReaderChange): Promise<void> {
  if (change.kind === "publications") return renderAllReaderFiles(rendering);
  const publications = await findReaderPublications();
  await renderChangedFiles(rendering, publications, change);
  await writeSiteRoutes(rendering, publications);
}

async function renderChangedFiles(rendering: ReaderRendering, publications: ReaderPublication[], change: Exclude<ReaderChange, { kind: "publications" }>): Promise<void> {
  if (change.kind === "edition") {
    const publication = publications.find((candidate) => candidate.id === change.publicationId);
    if (!publication) return;
    await renderEdition(rendering, publication, change.date);
    await renderPublicationIndex(rendering, publication, { years: [Number(change.date.slice(0, 4))], months: [change.date.slice(0, 7)] });
    // The calendars and 上一期/下一期 of the month's other editions and of the neighbours either side.
    const month = await findEditionMonth(publication.id, change.date.slice(0, 7));
    const neighbours = new Set([...month.dates, month.before, month.after].filter((date): date is string => Boolean(date) && date !== change.date));
    for (const date of neighbours) await renderEdition(rendering, publication, date, { pagesOnly: true });
    return;
  }
  // Where the article is placed, published or not (a killed story leaves its pages).
  const placements = await getDb().placement.findMany({
    where: { articleId: change.articleId, page: { edition: { status: "PUBLISHED" } } },
    select: { position: true, part: true, page: { select: { number: true, edition: { select: { date: true, publicationId: true } } } } },
  });
  const editions = new Map<string, { publication: ReaderPublication; date: string; article: ArticleOnPages }>();
  for (const placement of placements) {
    const publication = publications.find((candidate) => candidate.id === placement.page.edition.publicationId);
    if (!publication) continue;
    const date = isoEditionDate(placement.page.edition.date);
    const entry = editions.get(`${publication.id} ${date}`) ?? { publication, date, article: { id: change.articleId, pages: [] } };
    entry.article.pages.push(placement.page.number);
    if (placement.part === 1) entry.article.home = `${placement.page.number}/${placement.position}`;
    editions.set(`${publication.id} ${date}`, entry);
  }
  for (const { publication, date, article } of editions.values()) {
    await renderEdition(rendering, publication, date, { article });
    // The month's archive page lists front-page headlines.
    await renderPublicationIndex(rendering, publication, { years: [], months: [date.slice(0, 7)] });
  }
}

export interface RenderProgress {
  done: number;
  total: number;
  /** What was just rendered ("江门日报 2023-03-13"). */
  label: string;
}

/**
 * Every reader file of every publication: after a settings change, a new
 * version of the app, or on a fresh store. Editions first, then each
 * publication's archive and `/`, then the list of publications.
 */
export async function renderAllReaderFiles(everything: ReaderRendering, onProgress?: (progress: RenderProgress) => void): Promise<void> {
  const rendering = { ...everything, rewriteCopies: true };
  const publications = await findReaderPublications();
  const editions = await getDb().edition.findMany({ where: { status: "PUBLISHED" }, select: { publicationId: true, date: true }, orderBy: { date: "desc" } });
  const total = editions.length + publications.length;
  let done = 0;
  for (const edition of editions) {
    const publication = publications.find((candidate) => candidate.id === edition.publicationId)!;
    const date = isoEditionDate(edition.date);
    await renderEdition(rendering, publication, date);
    onProgress?.({ done: ++done, total, label: `${publication.name} ${date}` });
  }
  for (const publication of publications) {
    await renderPublicationIndex(rendering, publication, "all");
    onProgress?.({ done: ++done, total, label: `${publication.name} 往期` });
  }
  await writeSiteRoutes(rendering, publications, true);
}
