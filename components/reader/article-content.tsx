import type { ArticleView } from "@/lib/reader/find-article-view";
import { ArticleBody } from "./article-body";
import { ArticlePhoto } from "./article-photo";

/**
 * One article as readers read it: headings, bylines, photos, body, 转版 links and
 * corrections. Every text goes through React (escaped); nothing is raw HTML.
 */
export function ArticleContent({
  article,
  printLine,
  continuations,
  t,
}: {
  article: ArticleView;
  /** "江门日报 2023-03-13 第A05版" */
  printLine: string;
  continuations: { label: string; href: string }[];
  t: (text: string) => string;
}) {
  return (
    <article className="mt-6">
      <header className="text-center">
        {article.kicker && <p className="text-lg text-neutral-700">{t(article.kicker)}</p>}
        <h1 className="mt-1 text-2xl leading-snug font-bold sm:text-3xl">{t(article.headline)}</h1>
        {article.subtitle && <p className="mt-2 text-lg text-neutral-700">{t(article.subtitle)}</p>}
        {article.bylines.length > 0 && (
          <p className="mt-4 text-sm text-neutral-700">
            {article.bylines.map((byline) => (
              <span key={byline.display} className="mx-1">
                {t(byline.display)}
              </span>
            ))}
          </p>
        )}
        <p className="mt-1 text-xs text-neutral-600 print:block">{printLine}</p>
      </header>

      {article.photos.map((photo, index) => (
        <ArticlePhoto key={photo.src} photo={photo} t={t} priority={index === 0} />
      ))}

      <div className="mt-6">
        <ArticleBody body={article.body} t={t} />
      </div>

      {continuations.length > 0 && (
        <p className="mt-4 text-sm text-neutral-600">
          {t("本文转")}
          {continuations.map((part) => (
            <a key={part.href} href={part.href} className="mx-1">
              {part.label}
            </a>
          ))}
        </p>
      )}

      {article.corrections.length > 0 && (
        <aside aria-labelledby="corrections-heading" className="mt-8 rounded border-l-4 border-amber-500 bg-amber-50 p-4">
          <h2 id="corrections-heading" className="font-bold">{t("更正")}</h2>
          <ul className="mt-2 space-y-2 text-sm">
            {article.corrections.map((correction) => (
              <li key={correction.publishedAt}>
                <time dateTime={correction.publishedAt}>{correction.publishedAt.slice(0, 10)}</time>：{t(correction.text)}
              </li>
            ))}
          </ul>
        </aside>
      )}
    </article>
  );
}
