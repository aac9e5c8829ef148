import { z } from "zod";
import { MAX_BODY_BLOCKS, manifestBlockSchema } from "@/lib/articles/body";
import { MAX_PAGE_NAME, MAX_PAGES } from "./plan/plan-rules";

// The edition import format (docs/EDITION-MANIFEST.md). The demo edition is
// loaded through it too, so the seed and the importer share one definition.

// The same limits as the story editor's (lib/stories/story-content.ts), so an
// imported story can be opened and saved again as it is.
const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((value) => (value ? value : undefined));
const FILE_NAME = 500;

export const PAGE_NUMBER = /^([A-Z]{1,2})(\d{1,3})$/;

const isRealDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
};

export const manifestBylineSchema = z.object({
  name: text(100).min(1, "署名不能为空"),
  role: text(20).min(1),
  organisation: optionalText(100),
  display: optionalText(200),
});

export const manifestPhotoSchema = z.object({
  file: text(FILE_NAME).min(1),
  caption: optionalText(2000),
  credit: optionalText(100),
  photographer: optionalText(100),
  alt: optionalText(500),
});

/** A story's status in the manifest, in English or as the newsroom says it (草稿, 待发). */
const STORY_STATUSES = { draft: "draft", ready: "ready", 草稿: "draft", 待发: "ready" } as const;
export type ManifestStoryStatus = (typeof STORY_STATUSES)[keyof typeof STORY_STATUSES];

export const manifestStorySchema = z
  .object({
    id: optionalText(100),
    kicker: optionalText(200),
    headline: text(200).min(1, "标题不能为空"),
    subtitle: optionalText(300),
    /** "ready" (待发, the default: the printed paper is ready copy) or "draft" (草稿). */
    status: z
      .enum(Object.keys(STORY_STATUSES) as [keyof typeof STORY_STATUSES, ...(keyof typeof STORY_STATUSES)[]])
      .nullish()
      .transform((value): ManifestStoryStatus => (value ? STORY_STATUSES[value] : "ready")),
    /** Printed without a byline (简讯, 社论, 图片新闻). */
    noByline: z
      .boolean()
      .nullish()
      .transform((value) => value ?? false),
    bylines: z.array(manifestBylineSchema).max(20).default([]),
    photos: z.array(manifestPhotoSchema).max(50).default([]),
    body: z.array(manifestBlockSchema).max(MAX_BODY_BLOCKS).default([]),
    continuesOn: optionalText(20),
  })
  .superRefine((story, ctx) => {
    if (story.noByline && story.bylines.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["noByline"],
        message: `标为不署名（noByline）的稿件不能有署名（bylines 有 ${story.bylines.length} 个）`,
        params: { en: `a story marked noByline cannot have bylines (it has ${story.bylines.length})` },
      });
    }
  });

export const manifestPageSchema = z.object({
  number: text(10).regex(PAGE_NUMBER, "版号应为字母加数字，如 A05"),
  name: text(MAX_PAGE_NAME).min(1, "版名不能为空"),
  pdf: optionalText(FILE_NAME),
  stories: z.array(manifestStorySchema).max(100).default([]),
});

export const editionManifestSchema = z
  .object({
    publication: optionalText(100),
    date: text(10).regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD").refine(isRealDate, "不是有效的日期"),
    issueNumber: z.number().int().positive().nullish(),
    pages: z.array(manifestPageSchema).min(1, "至少需要一个版面").max(MAX_PAGES),
  })
  .superRefine((manifest, ctx) => {
    const seen = new Map<string, number>();
    manifest.pages.forEach((page, index) => {
      const first = seen.get(page.number);
      if (first !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["pages", index, "number"],
          message: `版号 ${page.number} 与 pages[${first}] 重复`,
          params: { en: `page number ${page.number} is also pages[${first}]` },
        });
      }
      seen.set(page.number, index);
    });
  });

export type EditionManifest = z.infer<typeof editionManifestSchema>;
export type ManifestStory = z.infer<typeof manifestStorySchema>;

/** "A05" → { section: "A", number: 5 } */
export function parsePageNumber(number: string): { section: string; index: number } {
  const match = PAGE_NUMBER.exec(number);
  if (!match) throw new Error(`Invalid page number: ${number}`);
  return { section: match[1]!, index: Number(match[2]) };
}
