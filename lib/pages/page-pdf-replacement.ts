import type { EditionStatus, PageStatus } from "@/lib/db/generated/enums";
import { pageNumberError } from "./page-errors";

// What readers see of a published page (its image, its regions) changes only
// when an editor publishes it again: a new PDF for a page readers are viewing
// is refused, and the way to replace it is 撤版 (withdraw the page), upload,
// check the image and regions, then 重新发布 (lib/editions/withdraw-page.ts),
// which re-renders the reader files. Checked by the upload, again by the
// render worker (the page may be published while its PDF waits), and by the
// edition import.

export interface PageState {
  number: string;
  status: PageStatus;
  edition: { status: EditionStatus };
}

/** Readers see the page: it is published in a published edition. */
export function isLivePage(page: PageState): boolean {
  return page.status === "PUBLISHED" && page.edition.status === "PUBLISHED";
}

/** Refuses (INVALID_STATE, telling the editor to withdraw the page first) a new PDF for a page readers see. */
export function assertPagePdfReplaceable(page: PageState): void {
  if (isLivePage(page)) throw pageNumberError("INVALID_STATE", "publishedPage", page.number);
}
