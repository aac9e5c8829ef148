import { assertCan, type Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import type { EditionStatus } from "@/lib/db/generated/enums";
import { isoEditionDate } from "@/lib/time/edition-date";
import { publishReaderChange } from "@/lib/reader-files/publish-reader-change";
import type { Storage } from "@/lib/storage/storage";
import type { ImportFrom } from "./edition-source";
import { importEditionWithRegions, type ImportWithRegionsReport } from "./import-with-regions";
import { preflightEdition, type PreflightProblem } from "./preflight";
import { PreflightFailedError, publishEdition } from "./publish-edition";

/** What an import did, as the command prints it and the dashboard shows it. */
export interface EditionImportResult extends Omit<ImportWithRegionsReport, "published"> {
  /** Pre-flight problems after the import, each with where to fix it. */
  problems: PreflightProblem[];
  /** "Publish when pre-flight passes" was asked for. */
  publishRequested: boolean;
  /** This import published the edition. */
  published: boolean;
  /** The edition's status afterwards (an edition published before stays published). */
  status: EditionStatus;
}

/**
 * The whole import, shared by `npm run import` and the dashboard's 导入整期:
 * permission, the edition from its files (nothing written for a bad manifest),
 * article regions, pre-flight, and, when asked and pre-flight passes, publishing
 * (publishEdition: the stories are ready copy unless the manifest says draft).
 * An edition published before stays published, with the imported text. Audited (`edition.import`, and `edition.publish` with via "import"); the
 * reader is revalidated when readers see the result.
 */
export async function runEditionImport(
  options: {
    db: Db;
    storage: Storage;
    actor: Actor;
    publish: boolean;
    /** Who ran it, for the audit log: "command" or "dashboard". */
    via: string;
  } & ImportFrom,
): Promise<EditionImportResult> {
  const { db, actor } = options;
  await assertCan({ db, actor, action: "edition.plan", entityType: "edition" });
  if (options.publish) await assertCan({ db, actor, action: "edition.publish", entityType: "edition" });

  const where = options.source ? { source: options.source } : { folder: options.folder! };
  const report = await importEditionWithRegions({ db, storage: options.storage, actorId: actor.id, audit: { via: options.via }, ...where });
  let problems = await preflightEdition({ db, editionId: report.editionId });
  let published = false;
  // An edition published before stays published and the import published what it added; publishing again would change nothing.
  const imported = await db.edition.findUniqueOrThrow({ where: { id: report.editionId }, select: { status: true } });
  if (options.publish && problems.length === 0 && imported.status !== "PUBLISHED") {
    try {
      await publishEdition({ db, actor, editionId: report.editionId, via: "import" });
      published = true;
    } catch (error) {
      // Someone changed the edition between the two checks: report what publishing found.
      if (!(error instanceof PreflightFailedError)) throw error;
      problems = error.problems;
    }
  }
  const edition = await db.edition.findUniqueOrThrow({ where: { id: report.editionId }, select: { status: true, publicationId: true, date: true } });
  // Publishing revalidated already; an edition published before now shows the imported content.
  if (!published && edition.status === "PUBLISHED") await publishReaderChange({ kind: "edition", publicationId: edition.publicationId, date: isoEditionDate(edition.date) });
  return { ...report, problems, publishRequested: options.publish, published, status: edition.status };
}
