import "@/lib/http/zod-without-eval";
import { z } from "zod";

// An article body is a ProseMirror/Tiptap JSON document restricted to what a
// newspaper story holds: paragraphs and in-body subheads (小标题), with a few
// inline marks. Storing structure (not HTML) lets the server render it safely
// and lets the editor load it as is.

/** A story's limits: far beyond any printed story (a full page holds about 6,000 characters). */
export const MAX_BODY_BLOCKS = 2_000;
export const MAX_BLOCK_TEXT = 50_000;

const textNode = z.object({
  type: z.literal("text"),
  text: z.string().min(1).max(MAX_BLOCK_TEXT),
  marks: z
    .array(z.object({ type: z.enum(["bold", "italic"]) }))
    .optional(),
});

const hardBreak = z.object({ type: z.literal("hardBreak") });
const inline = z.discriminatedUnion("type", [textNode, hardBreak]);

const paragraph = z.object({
  type: z.literal("paragraph"),
  content: z.array(inline).max(MAX_BODY_BLOCKS).optional(),
});

/** A subhead between paragraphs; level 3 so it sits under the article's h1/h2. */
const subhead = z.object({
  type: z.literal("heading"),
  attrs: z.object({ level: z.literal(3) }),
  content: z.array(inline).max(MAX_BODY_BLOCKS).optional(),
});

export const articleBodySchema = z.object({
  type: z.literal("doc"),
  content: z.array(z.discriminatedUnion("type", [paragraph, subhead])).max(MAX_BODY_BLOCKS),
});

export type ArticleBody = z.infer<typeof articleBodySchema>;
export type BodyBlock = ArticleBody["content"][number];

/** The simple block list of the edition manifest. */
export const manifestBlockSchema = z.object({
  type: z.enum(["paragraph", "subhead"]),
  text: z.string().max(MAX_BLOCK_TEXT),
});
export type ManifestBlock = z.infer<typeof manifestBlockSchema>;

export function bodyFromBlocks(blocks: readonly ManifestBlock[]): ArticleBody {
  return {
    type: "doc",
    content: blocks
      .map((block) => ({ ...block, text: block.text.trim() }))
      .filter((block) => block.text.length > 0)
      .map((block): BodyBlock => {
        const content = [{ type: "text" as const, text: block.text }];
        return block.type === "subhead"
          ? { type: "heading", attrs: { level: 3 }, content }
          : { type: "paragraph", content };
      }),
  };
}

export function blockText(block: BodyBlock): string {
  return (block.content ?? []).map((node) => (node.type === "text" ? node.text : "\n")).join("");
}

/** Plain text of the body, one block per line (search, summaries, word count). */
export function bodyPlainText(body: ArticleBody): string {
  return body.content.map(blockText).join("\n");
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{2ffff}]/gu;
const LATIN_WORD = /[A-Za-z0-9]+(?:[.'’-][A-Za-z0-9]+)*/g;

/**
 * Word count as Chinese newsrooms count it (字数): each Han character is one,
 * each run of Latin letters or digits is one.
 */
export function countWords(text: string): number {
  const han = text.match(CJK)?.length ?? 0;
  const latin = text.replace(CJK, " ").match(LATIN_WORD)?.length ?? 0;
  return han + latin;
}
