import type { Db } from "@/lib/db/client";
import { detectPageRegions } from "@/lib/regions/detect-page-regions";
import type { PageLayout } from "@/lib/regions/read-page-layout";
import type { Storage } from "@/lib/storage/storage";
import type { ImportFrom } from "./edition-source";
import { importEdition, type ImportEditionReport } from "./import-edition";

export interface ImportWithRegionsReport extends ImportEditionReport {
  regions: { number: string; found: number; matched: number; unmatched: number; moved: number }[];
}

/**
 * The import as the command and the dashboard run it: the edition from its
 * folder, then the article regions of every page with a PDF found and matched
 * to the placed stories (regions an editor drew are kept).
 */
export async function importEditionWithRegions(
  options: { db: Db; storage: Storage; actorId?: string; audit?: { via: string } } & ImportFrom,
): Promise<ImportWithRegionsReport> {
  const layouts = new Map<string, PageLayout | null>();
  const report = await importEdition({ ...options, onPageLayout: (number, layout) => layouts.set(number, layout) });
  const { db } = options;
  const pages = await db.page.findMany({
    where: { editionId: report.editionId, pdfAsset: { isNot: null } },
    orderBy: { position: "asc" },
    select: { id: true, number: true, pdfAsset: { select: { storageKey: true } } },
  });
  const regions: ImportWithRegionsReport["regions"] = [];
  for (const page of pages) {
    const pdf = await options.storage.get(page.pdfAsset!.storageKey);
    // The layout read with the page image (else, when it could not be read then, from the PDF).
    const layout = layouts.get(page.number) ?? undefined;
    const { found, matched, unmatched, moved } = await detectPageRegions({ db, pageId: page.id, pdf, layout });
    regions.push({ number: page.number, found, matched, unmatched, moved });
  }
  return { ...report, regions };
}
