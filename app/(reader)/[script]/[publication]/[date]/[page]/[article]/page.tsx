import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleContent } from "@/components/reader/article-content";
import { FontSizeControls } from "@/components/reader/font-size-controls";
import { ReaderHeader } from "@/components/reader/reader-header";
import { SiteFooter } from "@/components/reader/site-footer";
import { findArticleView } from "@/lib/reader/find-article-view";
import type { EditionView, PlacedArticleView } from "@/lib/reader/find-edition-view";
import { jsonLdScript, newsArticleJsonLd } from "@/lib/reader/news-article-json-ld";
import { neighbourArticles } from "@/lib/reader/page-neighbours";
import { readerContext, readerEdition, type ReaderRouteParams } from "@/lib/reader/reader-context";
import { absoluteUrl, articleUrl, feedUrl, pageUrl, scriptAlternates, type PublicationRef } from "@/lib/reader/urls";
import { bodyPlainText } from "@/lib/articles/body";

type Route = ReaderRouteParams & { date: string; page: string; article: string };

async function load(route: Route) {
  const context = await readerContext(route, (slug) => articleUrl({ slug, isDefault: true }, route.date, route.page, Number(route.article)));
  const edition = await readerEdition(context, route.date);
  const page = edition.pages.find((candidate) => candidate.number === route.page);
  // An article's URL is on the page where it starts, at its position there.
  const placed = page?.articles.find((candidate) => String(candidate.position) === route.article && candidate.part === 1);
  if (!page || !placed) notFound();
  const article = await findArticleView(context.publication.id, placed.articleId);
  if (!article) notFound();
  return { context, edition, page, placed, article };
}

export async function generateMetadata({ params }: PageProps<"/[script]/[publication]/[date]/[page]/[article]">): Promise<Metadata> {
  const { context, edition, page, placed, article } = await load((await params) as Route);
  const { t, publication } = context;
  const path = articleUrl(publication, edition.date, page.number, placed.position);
  const url = absoluteUrl(path);
  const description = t(article.summary ?? bodyPlainText(article.body).replace(/\s+/g, " ").slice(0, 120));
  return {
    title: t(`${article.headline} - ${publication.name}`),
    description,
    alternates: {
      ...scriptAlternates(path),
      types: { "application/rss+xml": [{ url: feedUrl(publication), title: t(`${publication.name} 最新一期`) }] },
    },
    openGraph: {
      type: "article",
      title: t(article.headline),
      description,
      url,
      siteName: t(publication.name),
      publishedTime: article.publishedAt ?? undefined,
      modifiedTime: article.updatedAt,
      authors: article.bylines.map((byline) => byline.name),
      images: article.photos.map((photo) => ({ url: absoluteUrl(photo.variants.at(-1)?.url ?? photo.src), width: photo.width, height: photo.height, alt: photo.alt })),
    },
  };
}

function ArticleNav({ previous, next, publication, edition, t }: { previous?: PlacedArticleView; next?: PlacedArticleView; publication: PublicationRef; edition: EditionView; t: (text: string) => string }) {
  const link = (article: PlacedArticleView | undefined, label: string, rel: "prev" | "next") =>
    article ? (
      <Link href={articleUrl(publication, edition.date, article.home.pageNumber, article.home.position)} rel={rel} className="max-w-[48%]">
        {t(label)}
        <span className="sr-only">：{t(article.headline)}</span>
      </Link>
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

export default async function ArticleViewRoute({ params }: PageProps<"/[script]/[publication]/[date]/[page]/[article]">) {
  const { context, edition, page, placed, article } = await load((await params) as Route);
  const { t, publication, script } = context;
  const { previous, next } = neighbourArticles(edition, placed.articleId);
  const path = articleUrl(publication, edition.date, page.number, placed.position);
  const continuations = placed.parts.slice(1);
  const jsonLd = newsArticleJsonLd({ article, publication, url: path, editionDate: edition.date, page: { number: page.number, name: page.name } });

  return (
    <>
      <ReaderHeader publication={publication} date={edition.date} issueNumber={edition.issueNumber} script={script} currentPath={path} t={t} />
      <main className="mx-auto max-w-3xl px-4 py-4">
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(jsonLd) }} />
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-neutral-200 pb-3 text-sm print:hidden">
          <Link href={pageUrl(publication, edition.date, page.number)}>{t(`第${page.number}版:${page.name}`)}</Link>
          <FontSizeControls labels={{ larger: t("放大"), smaller: t("缩小"), reset: t("默认"), group: t("字号") }} />
        </div>
        <div className="mt-3">
          <ArticleNav previous={previous} next={next} publication={publication} edition={edition} t={t} />
        </div>

        <ArticleContent
          article={article}
          printLine={t(`${publication.name} ${edition.date} 第${page.number}版`)}
          continuations={continuations.map((part) => ({ label: t(`第${part.pageNumber}版`), href: pageUrl(publication, edition.date, part.pageNumber) }))}
          t={t}
        />

        <div className="mt-8 border-t border-neutral-200 pt-3">
          <ArticleNav previous={previous} next={next} publication={publication} edition={edition} t={t} />
        </div>
      </main>
      <SiteFooter footer={publication.footer} t={t} />
    </>
  );
}
