import { notFound, permanentRedirect } from "next/navigation";
import { converterFor, isScript, type Script } from "./script";
import { findReaderPublication, type ReaderPublication } from "./find-reader-publication";
import { findEditionDates } from "./find-edition-dates";
import { findEditionView, type EditionView } from "./find-edition-view";
import { DEFAULT_PUBLICATION_PARAM } from "./routing";

export interface ReaderRouteParams {
  script: string;
  publication: string;
  date?: string;
  page?: string;
  article?: string;
}

export interface ReaderContext {
  script: Script;
  /** Converts reader text to the chosen script. */
  t: (text: string) => string;
  publication: ReaderPublication;
  /** Published edition dates, newest first. */
  dates: string[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The publication and script of a reader URL; unknown ones are a 404. */
export async function readerContext(params: ReaderRouteParams, canonicalPath: (slug: string) => string): Promise<ReaderContext> {
  const context = await readerPublicationContext(params, canonicalPath);
  return { ...context, dates: await findEditionDates(context.publication.id) };
}

/**
 * The same without the list of every edition date, for pages that query only
 * the range they show (the archive).
 */
export async function readerPublicationContext(
  params: Pick<ReaderRouteParams, "script" | "publication">,
  canonicalPath: (slug: string) => string,
): Promise<Omit<ReaderContext, "dates">> {
  const script = isScript(params.script) ? params.script : "hans";
  const publication = await findReaderPublication(decodeURIComponent(params.publication));
  if (!publication) notFound();
  // The default publication has the short URLs only.
  if (params.publication !== DEFAULT_PUBLICATION_PARAM && publication.isDefault) permanentRedirect(canonicalPath(publication.slug));
  return { script, t: converterFor(script), publication };
}

/** The published edition of a URL's date; anything else (bad date, unpublished) is a 404. */
export async function readerEdition(context: ReaderContext, date: string | undefined): Promise<EditionView> {
  if (!date || !ISO_DATE.test(date) || !context.dates.includes(date)) notFound();
  const edition = await findEditionView(context.publication.id, date);
  if (!edition || edition.pages.length === 0) notFound();
  return edition;
}
