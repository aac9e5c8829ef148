import { blockText, type ArticleBody } from "@/lib/articles/body";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { StoryText } from "./anchor-stories";
import { findRegions } from "./find-regions";
import { writePageRegions, type DetectPageRegionsReport } from "./write-page-regions";
import { readPageLayout, type PageLayout } from "./read-page-layout";

export type { DetectPageRegionsReport } from "./write-page-regions";

/** A placed story's text as the detector compares it with the page. */
function storyTextOf(placement: {
  id: string;
  article: {
    kicker: string | null;
    headline: string;
    subtitle: string | null;
    body: Prisma.JsonValue;
    bylines: { display: string | null; name: string }[];
    photos: { captionOverride: string | null; photo: { caption: string | null; credit: string | null } }[];
  };
}): StoryText {
  const { article } = placement;
  const body = article.body as ArticleBody | null;
  return {
    key: placement.id,
    kicker: article.kicker,
    headline: article.headline,
    subtitle: article.subtitle,
    bylines: article.bylines.map((byline) => byline.display ?? byline.name),
    body: (body?.content ?? []).map(blockText),
    captions: article.photos.flatMap((entry) => [entry.captionOverride ?? entry.photo.caption, entry.photo.credit].filter((text): text is string => Boolean(text))),
  };
}

/**
 * Finds the article regions (热区) of a page in its PDF and replaces the page's
 * AUTO regions with them in one transaction, following the re-upload rules of
 * `planRegionUpdate` (MANUAL regions are never touched). The stories placed
 * on the page anchor the regions by their own text (findRegions); a page
 * without placed stories gets its geometric blocks, unassigned. A PDF whose
 * text layer is unusable makes no regions and records why on the page, for the
 * page editor, the flat plan and pre-flight to say. New regions are numbered
 * after the page's highest number, in reading order; a region keeps its number.
 *
 * No permission check here: the caller (the PDF upload worker, after it has
 * rendered the page) has already checked `edition.plan` for the user who
 * uploaded the PDF.
 */
export async function detectPageRegions(options: {
  db: Db;
  pageId: string;
  pdf: Buffer;
  /** The PDF's layout when the caller has read it already (the render worker, from its display list). */
  layout?: PageLayout;
}): Promise<DetectPageRegionsReport> {
  const { db, pageId } = options;
  // The PDF work happens before the transaction, which then only writes rows.
  const result = await findPageRegions(options);

  return writePageRegions({ db, pageId, result });
}

/** The regions findRegions sees in a PDF for the stories placed on the page now, without writing anything. */
export async function findPageRegions(options: { db: Db; pageId: string; pdf: Buffer; layout?: PageLayout }): Promise<ReturnType<typeof findRegions>> {
  const placements = await options.db.placement.findMany({
    where: { pageId: options.pageId },
    orderBy: { position: "asc" },
    select: {
      id: true,
      article: {
        select: {
          kicker: true,
          headline: true,
          subtitle: true,
          body: true,
          bylines: { orderBy: { position: "asc" }, select: { display: true, name: true } },
          photos: { orderBy: { position: "asc" }, select: { captionOverride: true, photo: { select: { caption: true, credit: true } } } },
        },
      },
    },
  });
  return findRegions(options.layout ?? readPageLayout(options.pdf), placements.map(storyTextOf));
}
