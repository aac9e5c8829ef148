import { describe, expect, it } from "vitest";
import { continuedFromLabel, continuedOnLabel, issueLabel, pageLabel } from "./reader-labels";

describe("reader labels", () => {
  it("are printed as the paper prints them", () => {
    expect(pageLabel("A05")).toBe("第A05版");
    expect(pageLabel("A05", "要闻")).toBe("第A05版:要闻");
    expect(issueLabel(17245)).toBe("总第17245期");
    expect(continuedFromLabel("A01")).toBe("（上接第A01版）");
    expect(continuedOnLabel("A06")).toBe("（转第A06版）");
  });
});
