import { z } from "zod";
import { manifestBlockSchema } from "@/lib/articles/body";

// The edition import format (docs/EDITION-MANIFEST.md). The demo edition is
// loaded through it too, so the seed and the importer share one definition.

const text = z.string().trim();
const optionalText = text.nullish().transform((value) => (value ? value : undefined));

export const PAGE_NUMBER = /^([A-Z]{1,2})(\d{1,3})$/;

const isRealDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
};

export const manifestBylineSchema = z.object({
  name: text.min(1, "署名不能为空"),
  role: text.min(1),
  organisation: optionalText,
  display: optionalText,
});

export const manifestPhotoSchema = z.object({
  file: text.min(1),
  caption: optionalText,
  credit: optionalText,
  photographer: optionalText,
  alt: optionalText,
});

/** A story's status in the manifest, in English or as the newsroom says it (草稿, 待发). */
const STORY_STATUSES = { draft: "draft", ready: "ready", 草稿: "draft", 待发: "ready" } as const;
export type ManifestStoryStatus = (typeof STORY_STATUSES)[keyof typeof STORY_STATUSES];

export const manifestStorySchema = z
  .object({
    id: optionalText,
    kicker: optionalText,
    headline: text.min(1, "标题不能为空"),
    subtitle: optionalText,
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
    bylines: z.array(manifestBylineSchema).default([]),
    photos: z.array(manifestPhotoSchema).default([]),
    body: z.array(manifestBlockSchema).default([]),
    continuesOn: optionalText,
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
  number: text.regex(PAGE_NUMBER, "版号应为字母加数字，如 A05"),
  name: text.min(1, "版名不能为空"),
  pdf: optionalText,
  stories: z.array(manifestStorySchema).default([]),
});

export const editionManifestSchema = z
  .object({
    publication: optionalText,
    date: text.regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD").refine(isRealDate, "不是有效的日期"),
    issueNumber: z.number().int().positive().nullish(),
    pages: z.array(manifestPageSchema).min(1, "至少需要一个版面"),
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
