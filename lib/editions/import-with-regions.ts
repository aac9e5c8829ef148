import type { Db } from "@/lib/db/client";
import { detectPageRegions } from "@/lib/regions/detect-page-regions";
import type { Storage } from "@/lib/storage/storage";
import { importEdition, type ImportEditionReport } from "./import-edition";

export interface ImportWithRegionsReport extends ImportEditionReport {
  regions: { number: string; found: number; matched: number; unmatched: number; moved: number }[];
}

/**
 * The import as the command and the dashboard run it: the edition from its
 * folder, then the article regions of every page with a PDF found and matched
 * to the placed stories (regions an editor drew are kept).
 */
export async function importEditionWithRegions(options: { db: Db; storage: Storage; folder: string; actorId?: string }): Promise<ImportWithRegionsReport> {
  const report = await importEdition(options);
  const pages = await options.db.page.findMany({
    where: { editionId: report.editionId, pdfAsset: { isNot: null } },
    orderBy: { position: "asc" },
    select: { id: true, number: true, pdfAsset: { select: { storageKey: true } } },
  });
  const regions: ImportWithRegionsReport["regions"] = [];
  for (const page of pages) {
    const pdf = await options.storage.get(page.pdfAsset!.storageKey);
    regions.push({ number: page.number, ...(await detectPageRegions({ db: options.db, pageId: page.id, pdf })) });
  }
  return { ...report, regions };
}
