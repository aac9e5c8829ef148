import { assertCan, type Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import type { PageRenderStatus, RegionSource, TextLayerIssue } from "@/lib/db/generated/enums";
import { readStoryParts } from "@/lib/regions/story-parts";
import { editionDate } from "@/lib/time/edition-date";
import { isLivePage } from "./page-pdf-replacement";
import { pageError } from "./page-errors";
import { polygonSchema, type Polygon } from "./region-schema";
import { regionsVersion } from "./regions-version";
import { readReplacementCheck, type ReplacementCheck } from "./replacement-check";
import { findDefaultPublication } from "@/lib/publications/default-publication";

export interface EditorRegion {
  id: string;
  /** The number shown on the page image and in the list; stays with the region (lib/pages/region-numbers.ts). */
  number: number;
  polygon: Polygon;
  placementId: string | null;
  source: RegionSource;
  confidence: number | null;
  extractedText: string | null;
  /** The headline found in the region's text (its story parts', else the detected one). */
  extractedHeadline: string | null;
  moved: boolean;
}

export interface PageEditorData {
  page: {
    id: string;
    number: string;
    name: string;
    renderStatus: PageRenderStatus;
    renderError: string | null;
    /** Why the PDF's text cannot anchor regions (they are drawn by hand), or null. */
    textLayerIssue: TextLayerIssue | null;
    /** Readers see it (published, in a published edition): a new PDF is refused until it is withdrawn. */
    live: boolean;
  };
  edition: { id: string; date: string; pages: { id: string; number: string; name: string }[] };
  /** A new PDF waiting to replace the page readers see: its image's sizes and its pre-flight (page-replacement.ts). */
  replacement: { pdfAssetId: string; width: number; height: number; variants: { width: number; storageKey: string }[]; check: ReplacementCheck | null } | null;
  /** The page image's derivatives (WebP), smallest first; empty before the first render. */
  image: { width: number; height: number; variants: { width: number; storageKey: string }[] } | null;
  placements: { id: string; articleId: string; position: number; part: number; headline: string; status: string }[];
  regions: EditorRegion[];
  /** Fingerprint of the stored regions, sent back with a save (lib/pages/regions-version.ts). */
  regionsVersion: string;
}

/** Everything the region editor shows for one page of the default publication's edition of `date`. */
export async function loadPageEditor(options: { db: Db; actor: Actor; date: string; number: string }): Promise<PageEditorData> {
  const { db, actor } = options;
  await assertCan({ db, actor, action: "edition.plan", entityType: "page" });
  let date: Date;
  try {
    date = editionDate(options.date);
  } catch {
    throw pageError("NOT_FOUND", "pageNotFound");
  }
  const publication = await findDefaultPublication(db);
  const edition = publication
    ? await db.edition.findUnique({
        where: { publicationId_date: { publicationId: publication.id, date } },
        select: { id: true, pages: { orderBy: { position: "asc" }, select: { id: true, number: true, name: true } } },
      })
    : null;
  const pageRef = edition?.pages.find((page) => page.number.toUpperCase() === options.number.toUpperCase());
  if (!edition || !pageRef) throw pageError("NOT_FOUND", "pageNotFound");

  const page = await db.page.findUniqueOrThrow({
    where: { id: pageRef.id },
    select: {
      id: true,
      number: true,
      name: true,
      renderStatus: true,
      renderError: true,
      textLayerIssue: true,
      status: true,
      edition: { select: { status: true } },
      replacementPdfAssetId: true,
      replacementCheck: true,
      replacementImageAsset: { select: { width: true, height: true, derivatives: { orderBy: { width: "asc" }, select: { width: true, storageKey: true } } } },
      imageAsset: { select: { width: true, height: true, derivatives: { orderBy: { width: "asc" }, select: { width: true, storageKey: true } } } },
      placements: { orderBy: [{ position: "asc" }], select: { id: true, articleId: true, position: true, part: true, article: { select: { headline: true, status: true } } } },
      regions: { orderBy: [{ number: "asc" }, { createdAt: "asc" }] },
    },
  });
  const asset = page.imageAsset;
  const waiting = page.replacementImageAsset;
  return {
    replacement:
      page.replacementPdfAssetId && waiting?.width && waiting.height && waiting.derivatives.length > 0
        ? { pdfAssetId: page.replacementPdfAssetId, width: waiting.width, height: waiting.height, variants: waiting.derivatives, check: readReplacementCheck(page.replacementCheck) }
        : null,
    page: { id: page.id, number: page.number, name: page.name, renderStatus: page.renderStatus, renderError: page.renderError, textLayerIssue: page.textLayerIssue, live: isLivePage(page) },
    edition: { id: edition.id, date: options.date, pages: edition.pages },
    image: asset?.width && asset.height ? { width: asset.width, height: asset.height, variants: asset.derivatives } : null,
    placements: page.placements.map((placement) => ({
      id: placement.id,
      articleId: placement.articleId,
      position: placement.position,
      part: placement.part,
      headline: placement.article.headline,
      status: placement.article.status,
    })),
    regionsVersion: regionsVersion(page.regions),
    regions: page.regions.flatMap((region) => {
      const polygon = polygonSchema.safeParse(region.polygon);
      if (!polygon.success) return [];
      return [
        {
          id: region.id,
          number: region.number,
          polygon: polygon.data,
          placementId: region.placementId,
          source: region.source,
          confidence: region.confidence,
          extractedText: region.extractedText,
          extractedHeadline: readStoryParts(region.extractedParts)?.headline.trim() || region.extractedHeadline,
          moved: region.moved,
        },
      ];
    }),
  };
}
