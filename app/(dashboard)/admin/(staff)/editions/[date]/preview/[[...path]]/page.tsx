import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ArticleContent } from "@/components/reader/article-content";
import { PageImageMap } from "@/components/reader/page-image-map";
import { PageNavigation } from "@/components/reader/page-navigation";
import { requireUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { getDashboardMessages } from "@/lib/i18n/dashboard-locale";
import { findArticlePreview } from "@/lib/reader/find-article-view";
import { findEditionPreview } from "@/lib/reader/find-edition-view";
import { neighbourPages } from "@/lib/reader/page-neighbours";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getDashboardMessages();
  return { title: m.editions.previewTitle };
}

const identity = (text: string) => text;

/**
 * 预览: the edition as readers will see it once published (pages not withdrawn,
 * stories ready or published), built from the reader's own components, with
 * links that stay inside the preview. Never cached; editors only.
 */
export default async function EditionPreview({ params }: PageProps<"/admin/editions/[date]/preview/[[...path]]">) {
  const user = await requireUser();
  const { m } = await getDashboardMessages();
  const { date, path = [] } = await params;
  if (!can(user.role, "edition.plan") || !/^\d{4}-\d{2}-\d{2}$/.test(date)) notFound();
  const publication = await getDb().publication.findFirst({ where: { isDefault: true }, select: { id: true, name: true } });
  const edition = publication && (await findEditionPreview(publication.id, date));
  if (!publication || !edition || edition.pages.length === 0) notFound();

  const base = `/admin/editions/${date}/preview`;
  const pageHref = (number: string) => `${base}/${number}`;
  const articleHref = (pageNumber: string, position: number) => `${base}/${pageNumber}/${position}`;
  const [pageNumber, articlePosition] = path;
  if (!pageNumber) redirect(pageHref(edition.pages[0]!.number));
  const page = edition.pages.find((candidate) => candidate.number === pageNumber);
  if (!page) notFound();
  const label = `第${page.number}版:${page.name}`;
  const banner = (
    <p role="note" className="mb-4 rounded border border-amber-400 bg-amber-50 px-3 py-2 text-amber-900">
      {m.editions.previewBanner(date)} <Link href="/admin/editions">{m.editions.title}</Link>
    </p>
  );

  if (articlePosition) {
    const placed = page.articles.find((candidate) => String(candidate.position) === articlePosition && candidate.part === 1);
    const article = placed && (await findArticlePreview(publication.id, placed.articleId));
    if (!placed || !article) notFound();
    return (
      <main className="mx-auto max-w-3xl">
        {banner}
        <Link href={pageHref(page.number)}>{label}</Link>
        <ArticleContent
          article={article}
          printLine={`${publication.name} ${date} 第${page.number}版`}
          continuations={placed.parts.slice(1).map((part) => ({ label: `第${part.pageNumber}版`, href: pageHref(part.pageNumber) }))}
          t={identity}
        />
      </main>
    );
  }

  const { previous, next } = neighbourPages(edition, page.number);
  const hrefOf = new Map(page.articles.map((article) => [article.articleId, articleHref(article.home.pageNumber, article.home.position)]));
  const headlineOf = new Map(page.articles.map((article) => [article.articleId, article.headline]));
  return (
    <main>
      {banner}
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-neutral-200 pb-3">
        <h1 className="text-xl font-bold">{label}</h1>
        <nav aria-label="翻版" className="flex gap-3 text-sm">
          {previous ? <Link href={pageHref(previous.number)}>上一版</Link> : <span className="text-neutral-600">上一版</span>}
          {next ? <Link href={pageHref(next.number)}>下一版</Link> : <span className="text-neutral-600">下一版</span>}
        </nav>
      </div>
      <div className="mt-4 grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div>
          {page.image ? (
            <PageImageMap page={page} label={`${label} 版面图`} hrefFor={(id) => hrefOf.get(id)!} headlineFor={(id) => headlineOf.get(id)!} />
          ) : (
            <p className="rounded border border-dashed border-neutral-300 p-6 text-center text-neutral-600">本版暂无版面图</p>
          )}
        </div>
        <div className="space-y-6">
          <section aria-labelledby="preview-articles">
            <h2 id="preview-articles" className="mb-2 font-bold">
              本版文章
            </h2>
            <ol className="space-y-2">
              {page.articles.map((article) => (
                <li key={article.articleId}>
                  <Link href={hrefOf.get(article.articleId)!}>{article.headline}</Link>
                </li>
              ))}
            </ol>
          </section>
          <PageNavigation pages={edition.pages} current={page.number} hrefFor={pageHref} t={identity} />
        </div>
      </div>
    </main>
  );
}
