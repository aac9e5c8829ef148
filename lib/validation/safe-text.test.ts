import { describe, expect, it } from "vitest";
import { cleanText, findTextProblem, textProblem } from "./safe-text";

describe("safe text", () => {
  it("accepts what people type, Chinese, emoji, tabs and line breaks included", () => {
    expect(textProblem("侨都春耕忙 田间绘新景\n\t第二段 🌾")).toBeNull();
  });

  it("names what cannot be stored: NUL and other controls, lone surrogates, text beyond the limit", () => {
    expect(textProblem("a\u0000b")).toBe("control");
    expect(textProblem("a\u001bb")).toBe("control");
    expect(textProblem("a\uffffb")).toBe("control");
    expect(textProblem("图\ud800")).toBe("encoding");
    expect(textProblem("\udc00图")).toBe("encoding");
    expect(textProblem("长".repeat(11), 10)).toBe("too-long");
  });

  it("finds the first problem anywhere in a decoded input, with its path, keys included", () => {
    expect(findTextProblem({ content: { bylines: [{ name: "张三" }, { name: "李\u0000四" }] } })).toEqual({ path: ["content", "bylines", 1, "name"], problem: "control" });
    expect(findTextProblem({ ["k\ud800"]: "v" })).toEqual({ path: [], problem: "encoding" });
    expect(findTextProblem({ a: [1, true, null, "fine"] })).toBeNull();
    let deep: unknown = "x";
    for (let index = 0; index < 100; index += 1) deep = [deep];
    expect(findTextProblem(deep)?.problem).toBe("too-long");
  });

  it("cleans a free-text query instead of refusing it", () => {
    expect(cleanText("招商\u0000引资\ud800")).toBe("招商 引资\ufffd");
  });
});
