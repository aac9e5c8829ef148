import { z } from "zod";

/**
 * A region's printed text split the way a story is (stored as `regions.extracted_parts`):
 * 引题, 主题, 副题, the byline line as printed, and the body's paragraphs (captions included,
 * after the body). "用此文本新建稿件" fills the story's fields from it.
 */
export const storyPartsSchema = z.object({
  kicker: z.string().nullable(),
  headline: z.string(),
  subtitle: z.string().nullable(),
  byline: z.string().nullable(),
  paragraphs: z.array(z.string()),
  captions: z.array(z.string()).default([]),
});

export type StoryParts = z.infer<typeof storyPartsSchema>;

/** The stored parts, or null when the row has none (regions detected before they were kept) or they do not parse. */
export function readStoryParts(value: unknown): StoryParts | null {
  const parsed = storyPartsSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
