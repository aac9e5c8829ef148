import type { Db, Tx } from "@/lib/db/client";
import { pageMessages } from "@/lib/i18n/messages/pages";
import { readRenderError } from "@/lib/pages/render-error";
import { AppError } from "@/lib/errors/app-error";

// The checks an edition passes before readers see it (发布前检查). Each problem
// says what is wrong in the editor's words and where to fix it.

export type PreflightCode =
  | "no_pages"
  | "page_numbers"
  | "page_no_image"
  | "page_render_failed"
  | "page_empty"
  | "page_text_unusable"
  | "story_no_region"
  | "story_not_ready"
  | "story_no_byline"
  | "photo_no_caption"
  | "photo_no_credit"
  | "story_order"
  | "continuation_order";

export interface PreflightProblem {
  code: PreflightCode;
  "zh-CN": string;
  en: string;
  pageNumber?: string;
  articleId?: string;
  /** Where in the dashboard to fix it. */
  href: string;
}

const READY_FOR_READERS = new Set(["READY", "PUBLISHED"]);

/** Every problem that should stop this edition from being published, in page order. */
export async function preflightEdition(options: { db: Db | Tx; editionId: string }): Promise<PreflightProblem[]> {
  const edition = await options.db.edition.findUnique({
    where: { id: options.editionId },
    select: {
      date: true,
      pages: {
        where: { status: { not: "WITHDRAWN" } },
        orderBy: { position: "asc" },
        select: {
          number: true,
          position: true,
          imageAssetId: true,
          renderStatus: true,
          renderError: true,
          textLayerIssue: true,
          regions: { select: { placementId: true } },
          placements: {
            orderBy: { position: "asc" },
            select: {
              id: true,
              position: true,
              part: true,
              article: {
                select: {
                  id: true,
                  headline: true,
                  status: true,
                  noByline: true,
                  _count: { select: { bylines: true } },
                  placements: { orderBy: { part: "asc" }, select: { part: true } },
                  photos: { orderBy: { position: "asc" }, select: { captionOverride: true, photo: { select: { id: true, caption: true, credit: true } } } },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!edition) throw new AppError("NOT_FOUND");
  const date = edition.date.toISOString().slice(0, 10);
  const planHref = `/admin/editions/${date}`;
  const pageHref = (number: string) => `${planHref}/pages/${number}`;
  const storyHref = (id: string) => `/admin/stories/${id}`;
  const problems: PreflightProblem[] = [];
  const add = (problem: PreflightProblem) => problems.push(problem);

  if (edition.pages.length === 0) {
    add({ code: "no_pages", "zh-CN": "这一期还没有版面。", en: "This edition has no pages.", href: planHref });
    return problems;
  }
  // 上一版/下一版 follow page positions: they must run 1, 2, 3… without gaps.
  if (edition.pages.some((page, index) => page.position !== index + 1)) {
    add({ code: "page_numbers", "zh-CN": "版面顺序有空缺或重复，上一版/下一版会断开。", en: "Page order has gaps or repeats; previous/next page links would break.", href: planHref });
  }

  for (const page of edition.pages) {
    const where = `第${page.number}版`;
    if (page.renderStatus === "FAILED") {
      const reason = readRenderError(page.renderError);
      add({ code: "page_render_failed", "zh-CN": `${where}的 PDF 无法生成版面图：${reason?.["zh-CN"] ?? "未知原因"}`, en: `Page ${page.number}: the PDF could not be rendered (${reason?.en ?? "unknown reason"}).`, pageNumber: page.number, href: pageHref(page.number) });
    } else if (!page.imageAssetId) {
      add({ code: "page_no_image", "zh-CN": `${where}还没有版面图（请上传版面 PDF）。`, en: `Page ${page.number} has no page image (upload its PDF).`, pageNumber: page.number, href: pageHref(page.number) });
    }
    if (page.placements.length === 0) {
      add({ code: "page_empty", "zh-CN": `${where}没有稿件（空版）。`, en: `Page ${page.number} has no stories.`, pageNumber: page.number, href: planHref });
      continue;
    }
    // 上一篇/下一篇 follow positions on the page.
    if (page.placements.some((placement, index) => placement.position !== index + 1)) {
      add({ code: "story_order", "zh-CN": `${where}的稿件顺序有空缺或重复，上一篇/下一篇会断开。`, en: `Page ${page.number}: story order has gaps or repeats.`, pageNumber: page.number, href: planHref });
    }
    const mapped = new Set(page.regions.map((region) => region.placementId));
    // Detection cannot find stories in this PDF's text: say why, until every story on the page has a region drawn by hand.
    if (page.textLayerIssue && page.placements.some((placement) => !mapped.has(placement.id))) {
      const issue = page.textLayerIssue;
      add({ code: "page_text_unusable", "zh-CN": `${where}：${pageMessages["zh-CN"].textLayer[issue]}`, en: `Page ${page.number}: ${pageMessages.en.textLayer[issue]}`, pageNumber: page.number, href: pageHref(page.number) });
    }
    for (const placement of page.placements) {
      const { article } = placement;
      const title = `《${article.headline || "无标题"}》`;
      if (!mapped.has(placement.id)) {
        add({ code: "story_no_region", "zh-CN": `${title}在${where}没有热区。`, en: `"${article.headline}" has no region on page ${page.number}.`, pageNumber: page.number, articleId: article.id, href: pageHref(page.number) });
      }
      if (placement.part !== 1) continue; // The rest is checked once, where the story starts.
      if (article.placements.some((entry, index) => entry.part !== index + 1)) {
        add({ code: "continuation_order", "zh-CN": `${title}的转版顺序不完整。`, en: `"${article.headline}": its continuation pages are out of order.`, articleId: article.id, href: planHref });
      }
      if (!READY_FOR_READERS.has(article.status)) {
        add({ code: "story_not_ready", "zh-CN": `${title}还不是“待发”状态。`, en: `"${article.headline}" is not ready.`, pageNumber: page.number, articleId: article.id, href: storyHref(article.id) });
      }
      // 简讯, 社论, 图片新闻 are printed without one (the story says so).
      if (article._count.bylines === 0 && !article.noByline) {
        add({ code: "story_no_byline", "zh-CN": `${title}没有署名。`, en: `"${article.headline}" has no byline.`, pageNumber: page.number, articleId: article.id, href: storyHref(article.id) });
      }
      for (const [index, entry] of article.photos.entries()) {
        const which = `${title}的第 ${index + 1} 张图片`;
        if (!(entry.captionOverride ?? entry.photo.caption)?.trim()) {
          add({ code: "photo_no_caption", "zh-CN": `${which}没有图片说明。`, en: `"${article.headline}": photo ${index + 1} has no caption.`, articleId: article.id, href: storyHref(article.id) });
        }
        if (!entry.photo.credit?.trim()) {
          add({ code: "photo_no_credit", "zh-CN": `${which}没有摄影署名。`, en: `"${article.headline}": photo ${index + 1} has no credit.`, articleId: article.id, href: `/admin/photos/${entry.photo.id}` });
        }
      }
    }
  }
  return problems;
}
