import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { importDemoEdition } from "@/lib/pages/test-pages";
import { rectangle } from "@/lib/pages/region-schema";
import { createMigratedDatabase, createTestStorage } from "@/tests/helpers/database";
import { loadFlatPlan } from "./plan/load-flat-plan";
import { preflightEdition } from "./preflight";

describe("pre-flight: a page PDF whose text cannot anchor regions", () => {
  let db: Db;
  let editionId: string;
  let a05: string;
  let a06: string;

  beforeAll(async () => {
    ({ db } = await createMigratedDatabase());
    await db.publication.create({ data: { slug: "jmrb", name: "江门日报", isDefault: true } });
    const { editionId: id, page } = await importDemoEdition(db, await createTestStorage());
    editionId = id;
    a05 = page("A05").id;
    a06 = page("A06").id;
    await db.region.deleteMany({ where: { page: { editionId } } });
  });
  afterAll(() => db.$disconnect());

  const unusable = async () => (await preflightEdition({ db, editionId })).filter((problem) => problem.code === "page_text_unusable");

  it("is not a problem while detection could read the text", async () => {
    expect(await unusable()).toEqual([]);
  });

  it("says why and links to the page editor while stories on the page have no region", async () => {
    await db.page.update({ where: { id: a05 }, data: { textLayerIssue: "GARBLED" } });
    await db.page.update({ where: { id: a06 }, data: { textLayerIssue: "NOISY_OCR" } });
    expect(await unusable()).toEqual([
      {
        code: "page_text_unusable",
        "zh-CN": "第A05版：版面 PDF 的文字层无法识别（乱码），请手工绘制热区。",
        en: "Page A05: The page PDF's text layer cannot be read (garbled characters): draw the regions by hand.",
        pageNumber: "A05",
        href: "/admin/editions/2023-03-13/pages/A05",
      },
      expect.objectContaining({ pageNumber: "A06", "zh-CN": "第A06版：版面 PDF 是扫描件，文字识别质量太差，无法自动找出稿件，请手工绘制热区。" }),
    ]);
  });

  it("shows the short form on the flat plan's page tile", async () => {
    const editor = await db.user.create({ data: { email: "editor@newsroom.test", name: "编辑", role: "EDITOR", passwordHash: "x" } });
    const plan = await loadFlatPlan({ db, actor: { id: editor.id, role: "EDITOR" }, date: "2023-03-13" });
    const missing = (number: string) => plan.pages.find((page) => page.number === number)!.missing;
    expect(missing("A05")).toContainEqual({ kind: "textUnusable", issue: "GARBLED" });
    expect(missing("A06")).toContainEqual({ kind: "textUnusable", issue: "NOISY_OCR" });
    expect(missing("A01").map((item) => item.kind)).not.toContain("textUnusable");
  });

  it("no longer blocks once every story on the page has a region drawn by hand", async () => {
    const placements = await db.placement.findMany({ where: { pageId: a05 }, orderBy: { position: "asc" } });
    // All but one: still a problem.
    for (const [index, placement] of placements.slice(1).entries()) {
      await db.region.create({ data: { pageId: a05, placementId: placement.id, number: index + 1, polygon: rectangle({ x: 0.1, y: 0.1 * index, w: 0.2, h: 0.05 }) } });
    }
    expect((await unusable()).map((problem) => problem.pageNumber)).toEqual(["A05", "A06"]);
    await db.region.create({ data: { pageId: a05, placementId: placements[0]!.id, number: placements.length, polygon: rectangle({ x: 0.5, y: 0.5, w: 0.2, h: 0.2 }) } });
    expect((await unusable()).map((problem) => problem.pageNumber)).toEqual(["A06"]);
    const problems = await preflightEdition({ db, editionId });
    expect(problems.filter((problem) => problem.pageNumber === "A05" && problem.code === "story_no_region")).toEqual([]);
    const editor = await db.user.findFirstOrThrow({ where: { role: "EDITOR" } });
    const plan = await loadFlatPlan({ db, actor: { id: editor.id, role: "EDITOR" }, date: "2023-03-13" });
    expect(plan.pages.find((page) => page.number === "A05")!.missing.map((item) => item.kind)).not.toContain("textUnusable");
  });
});
