import type { ArchiveEdition, ArchiveMonth } from "@/lib/reader/find-archive";
import type { ArticleView } from "@/lib/reader/find-article-view";
import type { EditionMonth } from "@/lib/reader/find-edition-dates";
import type { EditionView, PageView, PlacedArticleView } from "@/lib/reader/find-edition-view";
import type { ReaderPublication } from "@/lib/reader/find-reader-publication";
import { converterFor, type Script } from "@/lib/reader/script";

// The reader pages published as files: what each one shows, loaded from the
// database (render-reader-files.ts), and the renderer that turns it into a
// whole HTML document (components/reader/documents, registered at boot).

export interface ReaderContext {
  script: Script;
  /** Converts reader text to the chosen script. */
  t: (text: string) => string;
  /** The publication, its URLs in the page's script (lib/reader/urls.ts). */
  publication: ReaderPublication & { script: Script };
}

export function readerContextFor(publication: ReaderPublication, script: Script): ReaderContext {
  return { script, t: converterFor(script), publication: { ...publication, script } };
}

export type ReaderDocument =
  | { kind: "page"; context: ReaderContext; edition: EditionView; page: PageView; month: EditionMonth }
  | { kind: "article"; context: ReaderContext; edition: EditionView; page: PageView; placed: PlacedArticleView; article: ArticleView }
  | { kind: "archive"; context: ReaderContext; months: ArchiveMonth[] }
  | { kind: "archive-year"; context: ReaderContext; months: ArchiveMonth[]; year: number; dates: string[] }
  | { kind: "archive-month"; context: ReaderContext; months: ArchiveMonth[]; month: string; editions: ArchiveEdition[] }
  | { kind: "not-found"; context: ReaderContext };

export interface RenderAssets {
  /** URL of the reader's stylesheet (a versioned, immutable asset). */
  stylesheetHref: string;
  /** A dashboard preview: its banner (in the dashboard's language) with a way back, and no indexing. */
  preview?: { banner: string; backHref: string; backLabel: string };
}

/** Renders one document to a whole HTML page (no framework runtime). */
export type RenderReaderDocument = (document: ReaderDocument, assets: RenderAssets) => string;
