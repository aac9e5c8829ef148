import { notFound, permanentRedirect } from "next/navigation";
import { isEditionDate } from "@/lib/editions/edition-date";
import { converterFor, isScript, type Script } from "./script";
import { findReaderPublication, type ReaderPublication } from "./find-reader-publication";
import { findEditionView, type EditionView } from "./find-edition-view";
import { DEFAULT_PUBLICATION_PARAM } from "./routing";
import { inScript } from "./urls";

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
  /** The publication, its URLs in the page's script (lib/reader/urls.ts). */
  publication: ReaderPublication & { script: Script };
}

/** The publication and script of a reader URL; unknown ones are a 404. */
export async function readerContext(
  params: Pick<ReaderRouteParams, "script" | "publication">,
  canonicalPath: (slug: string) => string,
): Promise<ReaderContext> {
  const script = isScript(params.script) ? params.script : "hans";
  const publication = await findReaderPublication(decodeURIComponent(params.publication));
  if (!publication) notFound();
  // The default publication has the short URLs only.
  if (params.publication !== DEFAULT_PUBLICATION_PARAM && publication.isDefault) permanentRedirect(inScript(canonicalPath(publication.slug), script));
  return { script, t: converterFor(script), publication: { ...publication, script } };
}

/** The published edition of a URL's date; anything else (bad date, unpublished) is a 404. */
export async function readerEdition(context: ReaderContext, date: string | undefined): Promise<EditionView> {
  if (!date || !isEditionDate(date)) notFound();
  const edition = await findEditionView(context.publication.id, date);
  if (!edition || edition.pages.length === 0) notFound();
  return edition;
}
