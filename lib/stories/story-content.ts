import "@/lib/http/zod-without-eval";
import { z } from "zod";
import { articleBodySchema, bodyPlainText, countWords, type ArticleBody } from "@/lib/articles/body";
import { BylineRole } from "@/lib/db/generated/enums";
import type { Prisma } from "@/lib/db/generated/client";
import { formatByline } from "@/lib/people/byline";

// What a reporter or editor edits in the story editor, as one value: it is what
// a save sends, what a revision keeps, and what two versions are compared by.

const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((value) => value.trim() || null)
    .nullable()
    .default(null);

export const storyBylineSchema = z.object({
  /** A person from the people list, or null for a free-form byline. */
  personId: z.uuid().nullable().default(null),
  name: z.string().trim().min(1).max(100),
  role: z.enum(BylineRole),
  organisation: optionalText(100),
  /** The printed form; made from the parts when left empty. */
  display: optionalText(200),
});

export const storyPhotoSchema = z.object({
  photoId: z.uuid(),
  /** This story's caption for the photo, when it differs from the library's. */
  captionOverride: optionalText(2000),
});

export const storyContentSchema = z.object({
  kicker: optionalText(200),
  headline: z.string().trim().max(200).default(""),
  subtitle: optionalText(300),
  body: articleBodySchema,
  summary: optionalText(1000),
  editorialNote: optionalText(5000),
  /** yyyy-mm-dd: the edition the story is meant for. */
  plannedDate: z.iso.date().nullable().default(null),
  plannedPageNameId: z.uuid().nullable().default(null),
  photoAssigneeId: z.uuid().nullable().default(null),
  bylines: z.array(storyBylineSchema).max(20).default([]),
  /**
   * Printed without a byline (不署名: 简讯, 社论, 图片新闻): pre-flight does not ask
   * for one. It only says that none is expected: bylines the story has are still
   * printed.
   */
  noByline: z.boolean().default(false),
  photos: z.array(storyPhotoSchema).max(50).default([]),
});

export type StoryContent = z.output<typeof storyContentSchema>;
export type StoryContentInput = z.input<typeof storyContentSchema>;

export const emptyBody: ArticleBody = { type: "doc", content: [] };

export function emptyStoryContent(): StoryContent {
  return storyContentSchema.parse({ body: emptyBody });
}

/** Word count (字数) of everything a reader reads: headings and body. */
export function storyWordCount(content: Pick<StoryContent, "kicker" | "headline" | "subtitle" | "body">): number {
  return countWords([content.kicker, content.headline, content.subtitle, bodyPlainText(content.body)].filter(Boolean).join("\n"));
}

export function bylineDisplay(byline: StoryContent["bylines"][number]): string {
  return byline.display ?? formatByline(byline);
}

/** The select that loads everything a StoryContent is made of. */
export const storyContentSelect = {
  kicker: true,
  headline: true,
  subtitle: true,
  body: true,
  summary: true,
  editorialNote: true,
  plannedDate: true,
  plannedPageNameId: true,
  photoAssigneeId: true,
  bylines: { orderBy: { position: "asc" }, select: { personId: true, name: true, role: true, organisation: true, display: true } },
  noByline: true,
  photos: { orderBy: { position: "asc" }, select: { photoId: true, captionOverride: true } },
} satisfies Prisma.ArticleSelect;

type StoredStory = Prisma.ArticleGetPayload<{ select: typeof storyContentSelect }>;

export function storyContentFrom(article: StoredStory): StoryContent {
  return {
    kicker: article.kicker,
    headline: article.headline,
    subtitle: article.subtitle,
    body: articleBodySchema.parse(article.body),
    summary: article.summary,
    editorialNote: article.editorialNote,
    plannedDate: article.plannedDate ? article.plannedDate.toISOString().slice(0, 10) : null,
    plannedPageNameId: article.plannedPageNameId,
    photoAssigneeId: article.photoAssigneeId,
    bylines: article.bylines,
    noByline: article.noByline,
    photos: article.photos,
  };
}

/** A revision's snapshot back to content; older snapshots may lack newer fields. */
export function storyContentFromSnapshot(snapshot: unknown): StoryContent {
  return storyContentSchema.parse(snapshot);
}
