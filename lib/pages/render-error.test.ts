import { describe, expect, it } from "vitest";
import { readRenderError, renderErrorFor, storeRenderError } from "./render-error";

describe("a page's render error", () => {
  it("is kept in both languages and read in either", () => {
    const stored = storeRenderError({ "zh-CN": "PDF 文件已损坏，无法打开", en: "the PDF is damaged and cannot be opened" });
    expect(renderErrorFor(stored, "zh-CN")).toBe("PDF 文件已损坏，无法打开");
    expect(renderErrorFor(stored, "en")).toBe("the PDF is damaged and cannot be opened");
  });

  it("shows text stored before as it is, and nothing as nothing", () => {
    expect(readRenderError("版面图生成失败，请重新上传 PDF。")).toEqual({ "zh-CN": "版面图生成失败，请重新上传 PDF。", en: "版面图生成失败，请重新上传 PDF。" });
    expect(renderErrorFor('{"not":"ours"}', "en")).toBe('{"not":"ours"}');
    expect(renderErrorFor(null, "en")).toBeNull();
  });
});
