import { ArticleContent } from "@/components/reader/article-content";
import { FontSizeControls } from "@/components/reader/font-size-controls";
import { bodyPlainText } from "@/lib/articles/body";
import type { ReaderDocument, RenderAssets } from "@/lib/reader-files/reader-documents";
import type { EditionView, PlacedArticleView } from "@/lib/reader/find-edition-view";
import { jsonLdScript, newsArticleJsonLd } from "@/lib/reader/news-article-json-ld";
import { neighbourArticles } from "@/lib/reader/page-neighbours";
import { scriptLang } from "@/lib/reader/script";
import { absoluteUrl, articleUrl, pageUrl, type PublicationRef } from "@/lib/reader/urls";
import { DocumentShell, type DocumentHead } from "./document-shell";
import { pageLabel } from "@/lib/reader/reader-labels";

function ArticleNav({ previous, next, publication, edition, t }: { previous?: PlacedArticleView; next?: PlacedArticleView; publication: PublicationRef; edition: EditionView; t: (text: string) => string }) {
  const link = (article: PlacedArticleView | undefined, label: string, rel: "prev" | "next") =>
    article ? (
      <a href={articleUrl(publication, edition.date, article.home.pageNumber, article.home.position)} rel={rel} className="max-w-[48%]">
        {t(label)}
        <span className="sr-only">：{t(article.headline)}</span>
      </a>
    ) : (
      <span className="text-neutral-600">{t(label)}</span>
    );
  return (
    <nav aria-label={t("文章导航")} className="flex justify-between text-sm print:hidden">
      {link(previous, "上一篇", "prev")}
      {link(next, "下一篇", "next")}
    </nav>
  );
}

/** 文章: one article with its bylines, photos, corrections and 上一篇/下一篇. */
export function ArticleDocument({ document, assets }: { document: Extract<ReaderDocument, { kind: "article" }>; assets: RenderAssets }) {
  const { context, edition, page, placed, article } = document;
  const { t, publication } = context;
  const { previous, next } = neighbourArticles(edition, placed.articleId);
  const path = articleUrl(publication, edition.date, page.number, placed.position);
  const continuations = placed.parts.slice(1);
  const jsonLd = newsArticleJsonLd({ article, publication, url: path, editionDate: edition.date, page: { number: page.number, name: page.name }, script: { t, lang: scriptLang[context.script] } });
  const description = t(article.summary ?? bodyPlainText(article.body).replace(/\s+/g, " ").slice(0, 120));
  const head: DocumentHead = {
    title: t(`${article.headline} - ${publication.name}`),
    description,
    path,
    edition,
    openGraph: {
      type: "article",
      title: t(article.headline),
      description,
      url: absoluteUrl(path),
      site_name: t(publication.name),
    },
    images: article.photos.map((photo) => ({ url: absoluteUrl(photo.variants.at(-1)?.url ?? photo.src) })),
  };

  return (
    <DocumentShell context={context} head={head} assets={assets}>
      <main className="mx-auto max-w-3xl px-4 py-4">
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(jsonLd) }} />
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-neutral-200 pb-3 text-sm print:hidden">
          <a href={pageUrl(publication, edition.date, page.number)}>{t(pageLabel(page.number, page.name))}</a>
          <FontSizeControls labels={{ larger: t("放大"), smaller: t("缩小"), reset: t("默认"), group: t("字号") }} />
        </div>
        <div className="mt-3">
          <ArticleNav previous={previous} next={next} publication={publication} edition={edition} t={t} />
        </div>

        <ArticleContent
          article={article}
          printLine={t(`${publication.name} ${edition.date} ${pageLabel(page.number)}`)}
          continuations={continuations.map((part) => ({ label: t(pageLabel(part.pageNumber)), href: pageUrl(publication, edition.date, part.pageNumber) }))}
          t={t}
        />

        <div className="mt-8 border-t border-neutral-200 pt-3">
          <ArticleNav previous={previous} next={next} publication={publication} edition={edition} t={t} />
        </div>
      </main>
    </DocumentShell>
  );
}
