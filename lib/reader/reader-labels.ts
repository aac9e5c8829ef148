// The reader site's own labels, as a Chinese newspaper prints them, in
// Simplified Chinese: callers pass them through the page's script converter
// (t) like every other reader text.

/** "第A05版" or, with its name, "第A05版:要闻". */
export function pageLabel(pageNumber: string, pageName?: string | null): string {
  return pageName === undefined || pageName === null ? `第${pageNumber}版` : `第${pageNumber}版:${pageName}`;
}

/** "总第17245期". */
export function issueLabel(issueNumber: number): string {
  return `总第${issueNumber}期`;
}

/** "（上接第A01版）": where the start of a story continued here is. */
export function continuedFromLabel(pageNumber: string): string {
  return `（上接第${pageNumber}版）`;
}

/** "（转第A06版）": where a story continues. */
export function continuedOnLabel(pageNumber: string): string {
  return `（转第${pageNumber}版）`;
}
