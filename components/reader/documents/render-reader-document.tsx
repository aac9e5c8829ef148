import { createRequire } from "node:module";
import type { ReaderDocument, RenderAssets } from "@/lib/reader-files/reader-documents";
import { ArchiveIndexDocument } from "./archive-index-document";
import { ArchiveMonthDocument } from "./archive-month-document";
import { ArchiveYearDocument } from "./archive-year-document";
import { ArticleDocument } from "./article-document";
import { NotFoundDocument } from "./not-found-document";
import { PageViewDocument } from "./page-view-document";

// react-dom/server is loaded at run time: Next's bundler refuses it in the
// server-component layer that instrumentation.ts (which registers this
// renderer) is compiled in. The documents are plain functions without hooks,
// so any React 19 renderer can render the elements made there.
const load = createRequire(import.meta.url);
let renderToStaticMarkup: typeof import("react-dom/server").renderToStaticMarkup | undefined;

function Document({ document, assets }: { document: ReaderDocument; assets: RenderAssets }) {
  switch (document.kind) {
    case "page":
      return <PageViewDocument document={document} assets={assets} />;
    case "article":
      return <ArticleDocument document={document} assets={assets} />;
    case "archive":
      return <ArchiveIndexDocument document={document} assets={assets} />;
    case "archive-year":
      return <ArchiveYearDocument document={document} assets={assets} />;
    case "archive-month":
      return <ArchiveMonthDocument document={document} assets={assets} />;
    case "not-found":
      return <NotFoundDocument context={document.context} assets={assets} />;
  }
}

/** A reader document as a whole HTML page: static markup, no client runtime. */
export function renderReaderDocument(document: ReaderDocument, assets: RenderAssets): string {
  renderToStaticMarkup ??= (load("react-dom/server") as typeof import("react-dom/server")).renderToStaticMarkup;
  return `<!DOCTYPE html>${renderToStaticMarkup(<Document document={document} assets={assets} />)}`;
}
