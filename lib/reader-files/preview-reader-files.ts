import { findArticlePreview } from "@/lib/reader/find-article-view";
import { findEditionMonth } from "@/lib/reader/find-edition-dates";
import { findEditionPreview } from "@/lib/reader/find-edition-view";
import { findReaderPublications } from "@/lib/reader/find-reader-publication";
import { TRADITIONAL_PREFIX } from "@/lib/reader/urls";
import { readerContextFor, type ReaderDocument, type RenderAssets } from "./reader-documents";
import type { ReaderRendering } from "./render-reader-files";

/** A preview URL's parts: /admin/editions/{date}/preview[/hant]/{page}[/{n}]. */
export interface PreviewRequest {
  date: string;
  path: string[];
  banner: NonNullable<RenderAssets["preview"]>;
}

export type PreviewAnswer = { html: string } | { redirect: string } | null;

export function previewBase(date: string): string {
  return `/admin/editions/${date}/preview`;
}

/**
 * 预览: the default publication's edition as its files will be once it is
 * published (pages not withdrawn, stories ready or published), rendered by
 * the same documents as the published files, with a banner; links to the
 * edition's own pages and articles, in either script, stay in the preview.
 */
export async function renderPreview(rendering: ReaderRendering, request: PreviewRequest): Promise<PreviewAnswer> {
  const { date } = request;
  const publication = (await findReaderPublications()).find((candidate) => candidate.isDefault);
  const edition = publication && (await findEditionPreview(publication.id, date));
  if (!publication || !edition || edition.pages.length === 0) return null;
  const base = previewBase(date);
  const script = request.path[0] === "hant" ? "hant" : "hans";
  const [pageNumber, position, ...rest] = script === "hant" ? request.path.slice(1) : request.path;
  if (!pageNumber) return { redirect: `${base}${script === "hant" ? "/hant" : ""}/${edition.pages[0]!.number}` };
  const page = edition.pages.find((candidate) => candidate.number === pageNumber);
  if (!page || rest.length > 0) return null;
  const context = readerContextFor(publication, script);
  let document: ReaderDocument;
  if (position) {
    const placed = page.articles.find((candidate) => String(candidate.position) === position && candidate.part === 1);
    const article = placed && (await findArticlePreview(publication.id, placed.articleId));
    if (!placed || !article) return null;
    document = { kind: "article", context, edition, page, placed, article };
  } else {
    const month = await findEditionMonth(publication.id, date.slice(0, 7));
    // The calendar as it will be: this edition among the month's published ones.
    const dates = [...new Set([...month.dates, date])].sort().reverse();
    document = { kind: "page", context, edition, page, month: { ...month, dates } };
  }
  const html = rendering.render(document, { stylesheetHref: rendering.stylesheetHref, preview: request.banner });
  // The edition's own links, in either script, lead to its preview rather than to the (unpublished) reader URLs.
  const own = new RegExp(`href="(${TRADITIONAL_PREFIX})?/${date}(/[^"]*)?"`, "g");
  return { html: html.replace(own, (_, hant: string | undefined, rest: string | undefined) => `href="${base}${hant ? "/hant" : ""}${rest ?? ""}"`) };
}

