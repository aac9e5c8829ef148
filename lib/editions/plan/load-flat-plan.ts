import { assertCan, type Actor } from "@/lib/auth/permissions";
import { readRenderError, type RenderError } from "@/lib/pages/render-error";
import type { Db } from "@/lib/db/client";
import type { ArticleStatus, EditionStatus, PageRenderStatus, PageStatus, TextLayerIssue } from "@/lib/db/generated/enums";
import { editionDate, isoEditionDate } from "@/lib/time/edition-date";
import { AppError } from "@/lib/errors/app-error";
import { mediaUrl } from "@/lib/reader/urls";
import { defaultPublication } from "./create-edition";

/** The width the flat plan shows page thumbnails at. */
export const THUMBNAIL_WIDTH = 240;

export interface PlanStory {
  articleId: string;
  headline: string;
  status: ArticleStatus;
  wordCount: number;
  bylines: string[];
  /** Printed without a byline (简讯, 社论, 图片新闻): none is missing. */
  noByline: boolean;
  photoCount: number;
}

export interface PlacedStory extends PlanStory {
  placementId: string;
  position: number;
  /** 1 where the story starts; 2… continued (转版) from an earlier page. */
  part: number;
  /** Every page the story is on, in reading order (more than one: 转版). */
  parts: { part: number; pageNumber: string }[];
}

/** What a page still lacks before the edition can go out. */
export type MissingItem =
  | { kind: "noPdf" }
  | { kind: "renderPending" }
  | { kind: "renderFailed"; error: RenderError | null }
  /** The PDF's text cannot anchor regions, and stories on the page still have none: draw them by hand. */
  | { kind: "textUnusable"; issue: TextLayerIssue }
  | { kind: "noStories" }
  | { kind: "notReady"; headlines: string[] }
  | { kind: "noByline"; headlines: string[] };

export interface PlanPage {
  id: string;
  number: string;
  section: string;
  position: number;
  name: string;
  /** PLANNING, PUBLISHED, or WITHDRAWN (撤版) on its own. */
  status: PageStatus;
  renderStatus: PageRenderStatus;
  thumbnail: { url: string; width: number; height: number } | null;
  stories: PlacedStory[];
  missing: MissingItem[];
}

export interface UnplacedStory extends PlanStory {
  plannedPageName: string | null;
  /** The page of this edition with the story's intended page name, if any. */
  suggestedPageId: string | null;
}

export interface FlatPlan {
  edition: { id: string; date: string; issueNumber: number | null; status: EditionStatus; publicationName: string };
  pages: PlanPage[];
  /** Stories planned for this date that are on no page yet (killed ones left out). */
  unplaced: UnplacedStory[];
}

const storySelect = {
  id: true,
  headline: true,
  status: true,
  wordCount: true,
  bylines: { orderBy: { position: "asc" }, select: { display: true } },
  noByline: true,
  _count: { select: { photos: true } },
} as const;

function planStory(article: { id: string; headline: string; status: ArticleStatus; wordCount: number; bylines: { display: string }[]; noByline: boolean; _count: { photos: number } }): PlanStory {
  return {
    articleId: article.id,
    headline: article.headline,
    status: article.status,
    wordCount: article.wordCount,
    bylines: article.bylines.map((b) => b.display),
    noByline: article.noByline,
    photoCount: article._count.photos,
  };
}

/** The smallest derivative at least `width` wide, else the largest there is. */
function thumbnailOf(derivatives: { width: number; height: number; storageKey: string }[], width: number) {
  const sorted = [...derivatives].sort((a, b) => a.width - b.width);
  const chosen = sorted.find((d) => d.width >= width) ?? sorted.at(-1);
  return chosen ? { url: mediaUrl(chosen.storageKey), width: chosen.width, height: chosen.height } : null;
}

/** The flat plan (版面规划) of the default publication's edition of `date`, for editors. */
export async function loadFlatPlan(options: { db: Db; actor: Actor; date: string }): Promise<FlatPlan> {
  const { db, actor } = options;
  await assertCan({ db, actor, action: "edition.plan", entityType: "edition" });
  let date: Date;
  try {
    date = editionDate(options.date);
  } catch {
    throw new AppError("NOT_FOUND");
  }
  const publication = await defaultPublication(db);
  const edition = await db.edition.findUnique({
    where: { publicationId_date: { publicationId: publication.id, date } },
    select: {
      id: true,
      date: true,
      issueNumber: true,
      status: true,
      pages: {
        orderBy: [{ position: "asc" }, { number: "asc" }],
        select: {
          id: true,
          number: true,
          section: true,
          position: true,
          name: true,
          pageNameId: true,
          status: true,
          pdfAssetId: true,
          renderStatus: true,
          renderError: true,
          textLayerIssue: true,
          imageAsset: { select: { derivatives: { where: { mimeType: "image/webp" }, select: { width: true, height: true, storageKey: true } } } },
          placements: {
            orderBy: { position: "asc" },
            select: { id: true, position: true, part: true, _count: { select: { regions: true } }, article: { select: { ...storySelect, placements: { orderBy: { part: "asc" }, select: { part: true, page: { select: { number: true } } } } } } },
          },
        },
      },
    },
  });
  if (!edition) throw new AppError("NOT_FOUND", { "zh-CN": `还没有 ${options.date} 这一期。`, en: `There is no edition for ${options.date}.` });

  const unplaced = await db.article.findMany({
    where: { publicationId: publication.id, plannedDate: date, status: { not: "KILLED" }, placements: { none: {} } },
    orderBy: [{ plannedPageName: { position: "asc" } }, { createdAt: "asc" }],
    take: 200,
    select: { ...storySelect, plannedPageNameId: true, plannedPageName: { select: { name: true } } },
  });

  const pages = edition.pages.map((page): PlanPage => {
    const stories = page.placements.map((placement): PlacedStory => ({
      ...planStory(placement.article),
      placementId: placement.id,
      position: placement.position,
      part: placement.part,
      parts: placement.article.placements.map((p) => ({ part: p.part, pageNumber: p.page.number })),
    }));
    const missing: MissingItem[] = [];
    if (page.renderStatus === "PENDING") missing.push({ kind: "renderPending" });
    else if (page.renderStatus === "FAILED") missing.push({ kind: "renderFailed", error: readRenderError(page.renderError) });
    else if (!page.pdfAssetId) missing.push({ kind: "noPdf" });
    if (page.textLayerIssue && page.placements.some((placement) => placement._count.regions === 0)) missing.push({ kind: "textUnusable", issue: page.textLayerIssue });
    if (stories.length === 0) missing.push({ kind: "noStories" });
    const notReady = stories.filter((story) => story.status !== "READY" && story.status !== "PUBLISHED");
    if (notReady.length) missing.push({ kind: "notReady", headlines: notReady.map((story) => story.headline) });
    const noByline = stories.filter((story) => story.part === 1 && story.bylines.length === 0 && !story.noByline);
    if (noByline.length) missing.push({ kind: "noByline", headlines: noByline.map((story) => story.headline) });
    return {
      id: page.id,
      number: page.number,
      section: page.section,
      position: page.position,
      name: page.name,
      status: page.status,
      renderStatus: page.renderStatus,
      thumbnail: thumbnailOf(page.imageAsset?.derivatives ?? [], THUMBNAIL_WIDTH),
      stories,
      missing,
    };
  });

  const pageByName = new Map(edition.pages.filter((page) => page.pageNameId).map((page) => [page.pageNameId, page.id]));
  return {
    edition: { id: edition.id, date: isoEditionDate(edition.date), issueNumber: edition.issueNumber, status: edition.status, publicationName: publication.name },
    pages,
    unplaced: unplaced.map((article) => ({
      ...planStory(article),
      plannedPageName: article.plannedPageName?.name ?? null,
      suggestedPageId: article.plannedPageNameId ? (pageByName.get(article.plannedPageNameId) ?? null) : null,
    })),
  };
}
