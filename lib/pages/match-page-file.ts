// Which page of an edition a PDF is for, from its file name: "A05.pdf" → A05.
// Case-insensitive; the digits may drop their leading zero ("a5.pdf"), and a
// date or publication prefix before the number is allowed ("2023-03-13-A05.pdf").
// Plain code (no server imports): the multi-file uploader runs it in the browser.

const PAGE_NUMBER_AT_END = /([a-z]+)0*(\d+)$/i;

function normalise(number: string): string | null {
  const match = PAGE_NUMBER_AT_END.exec(number.trim());
  return match ? `${match[1]!.toUpperCase()}${Number(match[2])}` : null;
}

export function matchPageFile<P extends { number: string }>(fileName: string, pages: readonly P[]): P | null {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const stem = base.replace(/\.pdf$/i, "");
  const wanted = normalise(stem);
  if (!wanted) return null;
  return pages.find((page) => normalise(page.number) === wanted) ?? null;
}
