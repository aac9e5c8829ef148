import type { ReactNode } from "react";
import type { ReaderContext, RenderAssets } from "@/lib/reader-files/reader-documents";
import { SCRIPT_CHOICE_SCRIPT, scriptLang } from "@/lib/reader/script";
import { absoluteUrl, feedUrl, inScript, publicationUrl } from "@/lib/reader/urls";
import { FONT_SIZE_INIT_SCRIPT } from "@/lib/reader/inline-scripts.js";
import { ReaderHeader } from "../reader-header";
import { SiteFooter } from "../site-footer";

export interface DocumentHead {
  title: string;
  description?: string;
  /** The page's own path: its canonical URL and, in the other script, its twin (hreflang and the 简/繁 switch). */
  path?: string;
  /** The edition the page is in: its date and issue number in the masthead. */
  edition?: { date: string; issueNumber: number | null };
  openGraph?: Record<string, string | undefined>;
  images?: { url: string; width?: number; height?: number; alt?: string }[];
}

/**
 * A whole reader page: <html lang> per script, the head a search engine and a
 * link preview read, the stylesheet, the only scripts a reader page has (a
 * few inline lines each; no framework runtime), the masthead and the footer.
 */
export function DocumentShell({ context, head, assets, children }: { context: ReaderContext; head: DocumentHead; assets: RenderAssets; children: ReactNode }) {
  const { t, publication, script } = context;
  const alternate = (path: string) => [
    <link key="canonical" rel="canonical" href={absoluteUrl(path)} />,
    <link key="zh-CN" rel="alternate" hrefLang="zh-CN" href={absoluteUrl(inScript(path, "hans"))} />,
    <link key="zh-Hant" rel="alternate" hrefLang="zh-Hant" href={absoluteUrl(inScript(path, "hant"))} />,
    <link key="x-default" rel="alternate" hrefLang="x-default" href={absoluteUrl(inScript(path, "hans"))} />,
  ];
  return (
    <html lang={scriptLang[script]}>
      {/* A whole document rendered outside Next (no next/head here). */}
      {/* eslint-disable-next-line @next/next/no-head-element */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{head.title}</title>
        {head.description && <meta name="description" content={head.description} />}
        {assets.preview && <meta name="robots" content="noindex" />}
        {head.path && alternate(head.path)}
        <link rel="alternate" type="application/rss+xml" href={feedUrl(publication)} title={t(`${publication.name} 最新一期`)} />
        {head.openGraph &&
          Object.entries(head.openGraph).map(([property, content]) => content && <meta key={property} property={`og:${property}`} content={content} />)}
        {head.images?.map((image) => (
          <meta key={image.url} property="og:image" content={image.url} />
        ))}
        <link rel="stylesheet" href={assets.stylesheetHref} />
        {/* Applies the reader's saved font size before the first paint. */}
        <script dangerouslySetInnerHTML={{ __html: FONT_SIZE_INIT_SCRIPT }} />
        <script dangerouslySetInnerHTML={{ __html: SCRIPT_CHOICE_SCRIPT }} />
      </head>
      <body className="min-h-screen font-sans">
        {assets.preview && (
          <p role="note" className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950">
            {assets.preview.banner} <a href={assets.preview.backHref}>{assets.preview.backLabel}</a>
          </p>
        )}
        <ReaderHeader
          publication={publication}
          date={head.edition?.date}
          issueNumber={head.edition?.issueNumber}
          script={script}
          currentPath={head.path ?? publicationUrl(publication)}
          t={t}
        />
        {children}
        <SiteFooter footer={publication.footer} t={t} />
      </body>
    </html>
  );
}
