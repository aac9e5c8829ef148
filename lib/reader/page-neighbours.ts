import type { EditionView, PageView, PlacedArticleView } from "./find-edition-view";

/** 上一版 / 下一版 within the edition. */
export function neighbourPages(edition: EditionView, number: string): { previous?: PageView; next?: PageView } {
  const index = edition.pages.findIndex((page) => page.number === number);
  return { previous: edition.pages[index - 1], next: index >= 0 ? edition.pages[index + 1] : undefined };
}

/**
 * Every article of the edition once, in reading order (page order, then order
 * on the page; a continued article counts where it starts): the chain that
 * 上一篇 / 下一篇 follow, within the page and on to the next page.
 */
export function articlesInReadingOrder(edition: EditionView): PlacedArticleView[] {
  return edition.pages.flatMap((page) => page.articles.filter((article) => article.part === 1));
}

export function neighbourArticles(edition: EditionView, articleId: string) {
  const order = articlesInReadingOrder(edition);
  const index = order.findIndex((article) => article.articleId === articleId);
  return { previous: index > 0 ? order[index - 1] : undefined, next: index >= 0 ? order[index + 1] : undefined };
}
