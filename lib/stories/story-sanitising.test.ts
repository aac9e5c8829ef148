import { parseFragment, type DefaultTreeAdapterMap } from "parse5";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ArticleContent } from "@/components/reader/article-content";
import type { Db } from "@/lib/db/client";
import { findArticleView } from "@/lib/reader/find-article-view";
import { jsonLdScript } from "@/lib/reader/news-article-json-ld";
import { createMigratedDatabase } from "@/tests/helpers/database";
import { seedNewsroom, type Newsroom } from "@/tests/helpers/newsroom";
import { correctStory } from "./correct-story";
import { createStory } from "./create-story";
import { saveStory } from "./save-story";

// Classic XSS payloads, typed into every rich-text and plain field of a story,
// its byline, its photo and a correction, must reach readers as text only.
const payloads = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<svg/onload=alert(1)>",
  '"><iframe src="javascript:alert(1)"></iframe>',
  "</script><script>alert(1)</script>",
  "<a href=\"javascript:alert(1)\">点我</a>",
  "<style>@import 'http://evil.test/x.css';</style>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "javascript:alert(document.cookie)",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
];

let db: Db;
let n: Newsroom;

beforeAll(async () => {
  const created = await createMigratedDatabase();
  db = created.db;
  process.env.DATABASE_URL = created.url;
  n = await seedNewsroom(db);
});

type Node = DefaultTreeAdapterMap["node"];
const SCRIPTABLE = new Set(["script", "iframe", "object", "embed", "svg", "math", "style", "meta", "base", "form"]);

/**
 * Everything in the markup, as a browser parses it, that could run script or
 * load something: such elements, on* handlers, and javascript:/data: URLs.
 */
function dangers(html: string): { found: string[]; text: string } {
  const found: string[] = [];
  let text = "";
  const visit = (node: Node) => {
    if ("tagName" in node) {
      if (SCRIPTABLE.has(node.tagName)) found.push(`<${node.tagName}>`);
      for (const attr of node.attrs) {
        if (/^on/i.test(attr.name)) found.push(`${node.tagName}[${attr.name}]`);
        if (/^(href|src|srcset|action|formaction|xlink:href)$/i.test(attr.name) && /^\s*(javascript|data|vbscript):/i.test(attr.value)) found.push(`${node.tagName}[${attr.name}=${attr.value}]`);
      }
    }
    if (node.nodeName === "#text" && "value" in node) text += node.value;
    if ("childNodes" in node) node.childNodes.forEach(visit);
  };
  visit(parseFragment(html));
  return { found, text };
}

describe("rich text that readers see", () => {
  it.each(payloads)("renders %s as text everywhere", async (payload) => {
    const asset = await db.asset.create({ data: { kind: "PHOTO", storageKey: `photos/aa/${crypto.randomUUID()}.jpg`, mimeType: "image/jpeg", byteSize: 1, sha256: "a", width: 10, height: 10 } });
    const photo = await db.photo.create({ data: { publicationId: n.publicationId, assetId: asset.id, caption: payload, credit: payload, altText: payload } });
    const { id } = await createStory({ db, actor: n.reporter });
    const content = {
      kicker: payload,
      headline: payload,
      subtitle: payload,
      summary: payload,
      body: {
        type: "doc" as const,
        content: [
          { type: "paragraph" as const, content: [{ type: "text" as const, text: payload, marks: [{ type: "bold" as const }] }] },
          { type: "heading" as const, attrs: { level: 3 as const }, content: [{ type: "text" as const, text: payload }] },
        ],
      },
      bylines: [{ name: payload, role: "REPORTER" as const, organisation: payload }],
      photos: [{ photoId: photo.id, captionOverride: null }],
    };
    await saveStory({ db, actor: n.editor, storyId: id, baseVersion: 1, content });
    await db.article.update({ where: { id }, data: { status: "PUBLISHED" } });
    await correctStory({ db, actor: n.editor, storyId: id, baseVersion: 2, content, correction: payload });

    const article = await findArticleView(n.publicationId, id);
    expect(article?.headline).toBe(payload); // stored exactly as typed
    const html = renderToStaticMarkup(createElement(ArticleContent, { article: article!, printLine: payload, continuations: [], t: (text: string) => text }));
    const { found, text } = dangers(html);
    expect(found).toEqual([]);
    // …and the reader sees the payload as the text it was typed as.
    expect(text).toContain(payload);
    expect(jsonLdScript({ headline: article!.headline, caption: article!.photos[0]!.caption })).not.toMatch(/<\/?script|<img|<svg|<iframe/i);
  });

  it("refuses body nodes and marks outside the newspaper's schema (links, images, raw HTML)", async () => {
    const { id } = await createStory({ db, actor: n.reporter });
    const hostile = [
      { type: "doc", content: [{ type: "image", attrs: { src: "javascript:alert(1)" } }] },
      { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }] },
      { type: "doc", content: [{ type: "html", content: "<script>alert(1)</script>" }] },
      { type: "doc", content: [{ type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "x" }] }] },
    ];
    for (const body of hostile) {
      await expect(saveStory({ db, actor: n.reporter, storyId: id, baseVersion: 1, content: { headline: "x", body: body as never } })).rejects.toThrow();
    }
    expect((await db.article.findUniqueOrThrow({ where: { id } })).version).toBe(1);
  });
});
