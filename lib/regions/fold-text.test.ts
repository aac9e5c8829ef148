import { describe, expect, it } from "vitest";
import { foldText, gramsOf } from "./fold-text";

describe("foldText", () => {
  it("folds widths, scripts, punctuation and separators the way a layout desk changes them", () => {
    expect(foldText("５，０００万元“招商引資”")).toBe(foldText("5000万元\"招商引资\""));
    expect(foldText("provi-")+foldText("sion of")).toBe(foldText("provision of"));
    expect(foldText("ＡＩ　芯片")).toBe("ai芯片");
  });
});

describe("gramsOf", () => {
  it("cuts Chinese into pairs and alphabetic text into runs of five", () => {
    expect(gramsOf("江海新闻")).toEqual(["江海", "海新", "新闻"]);
    expect(gramsOf("officials")).toEqual(["offic", "ffici", "ficia", "icial", "cials"]);
    expect(gramsOf("the")).toEqual([]);
  });
});
