import { describe, expect, it } from "vitest";
import { articleBodySchema, bodyFromBlocks, bodyPlainText, countWords } from "./body";

describe("article bodies", () => {
  it("turns manifest blocks into paragraphs and level-3 subheads, dropping empty ones", () => {
    const body = bodyFromBlocks([
      { type: "paragraph", text: " 全国两会期间。 " },
      { type: "subhead", text: "投资江海 商机无限" },
      { type: "paragraph", text: "   " },
    ]);
    expect(body).toEqual({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "全国两会期间。" }] },
        { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "投资江海 商机无限" }] },
      ],
    });
    expect(articleBodySchema.parse(body)).toEqual(body);
    expect(bodyPlainText(body)).toBe("全国两会期间。\n投资江海 商机无限");
  });

  it("refuses HTML or unknown nodes instead of storing them", () => {
    expect(articleBodySchema.safeParse({ type: "doc", content: [{ type: "html", text: "<script>" }] }).success).toBe(false);
  });

  it("counts words as a Chinese newsroom does: each Han character, each Latin word or number", () => {
    expect(countWords("江海区")).toBe(3);
    expect(countWords("引进了巴斯夫等500强企业, GDP增长5.7%")).toBe(12 + 3);
    expect(countWords("")).toBe(0);
  });
});
