import type { EditionStatus, PageStatus } from "@/lib/db/generated/enums";

// What readers see of a published page (its image, its regions) changes only
// when an editor says so: a new PDF for a page readers are viewing waits beside
// it as a replacement (render-worker.ts, page-replacement.ts), and a re-import
// that would swap it is refused (import-edition.ts).

export interface PageState {
  number: string;
  status: PageStatus;
  edition: { status: EditionStatus };
}

/** Readers see the page: it is published in a published edition. */
export function isLivePage(page: PageState): boolean {
  return page.status === "PUBLISHED" && page.edition.status === "PUBLISHED";
}
