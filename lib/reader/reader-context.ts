import { notFound, permanentRedirect } from "next/navigation";
import { readerContextFor, type ReaderContext } from "@/lib/reader-files/reader-documents";
import { isScript } from "./script";
import { findReaderPublication } from "./find-reader-publication";
import { DEFAULT_PUBLICATION_PARAM } from "./routing";
import { inScript } from "./urls";

// The reader pages Next renders per request (search): the publication and
// script of the URL. Every other reader page is a published file (lib/reader-files).

/** The publication and script of a reader URL; unknown ones are a 404. */
export async function readerContext(params: { script: string; publication: string }, canonicalPath: (slug: string) => string): Promise<ReaderContext> {
  const script = isScript(params.script) ? params.script : "hans";
  const publication = await findReaderPublication(decodeURIComponent(params.publication));
  if (!publication) notFound();
  // The default publication has the short URLs only.
  if (params.publication !== DEFAULT_PUBLICATION_PARAM && publication.isDefault) permanentRedirect(inScript(canonicalPath(publication.slug), script));
  return readerContextFor(publication, script);
}
