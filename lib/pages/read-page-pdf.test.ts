import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { PAGE_IMAGE_WIDTH, renderPagePdf } from "@/lib/media/render-page-pdf";
import { detectRegions } from "@/lib/regions/detect-regions";
import { fixturePagePdf, fixtureTruth, swappedBottomRow } from "@/lib/regions/fixture-page";
import { iou } from "@/lib/regions/iou";
import { readPageLayout } from "@/lib/regions/read-page-layout";
import { rearrangePagePdf } from "@/lib/regions/rearrange-page-pdf";
import { readPagePdf } from "./read-page-pdf";
import { encodePageImage } from "./store-page-image";
import { corruptPdf } from "./test-pages";

describe("readPagePdf: the page image and the layout from one reading of the PDF", () => {
  const pdf = fixturePagePdf();
  const contents = readPagePdf(pdf);

  it("draws the same pixels as rendering the page directly", async () => {
    const { image } = contents;
    expect(image).toMatchObject({ width: PAGE_IMAGE_WIDTH, channels: 3 });
    expect(image.data.length).toBe(image.width * image.height * 3);
    const direct = await sharp(renderPagePdf(pdf).png).raw().toBuffer({ resolveWithObject: true });
    expect(direct.info).toMatchObject({ width: image.width, height: image.height, channels: 3 });
    expect(image.data.equals(direct.data)).toBe(true);
  });

  it("reads the same text lines, rules and pictures from the display list as from the page", () => {
    expect(contents.layout).toEqual(readPageLayout(pdf));
    const corrected = rearrangePagePdf(pdf, swappedBottomRow());
    expect(readPagePdf(corrected).layout).toEqual(readPageLayout(corrected));
  });

  it("finds the fixture's regions from it as before (IoU ≥ 0.99)", () => {
    const regions = detectRegions(contents.layout!);
    const scores = fixtureTruth().map((truth) => {
      const region = regions.find((candidate) => candidate.headline === truth.headline);
      return { headline: truth.headline, iou: region ? iou(region.box, truth.box) : 0 };
    });
    console.log(`IoU from the display list:\n${scores.map((score) => `  ${score.iou.toFixed(3)}  ${score.headline}`).join("\n")}`);
    for (const score of scores) expect(score.iou, score.headline).toBeGreaterThanOrEqual(0.99);
  });

  it("encodes a PNG master of the same pixels and the four WebP sizes", async () => {
    const { png, variants } = await encodePageImage(contents.image);
    const decoded = await sharp(png).raw().toBuffer();
    expect(decoded.equals(contents.image.data)).toBe(true);
    expect(variants.map((variant) => [variant.width, variant.mimeType])).toEqual([
      [240, "image/webp"],
      [800, "image/webp"],
      [1400, "image/webp"],
      [2400, "image/webp"],
    ]);
    const zoom = variants.at(-1)!;
    expect(zoom.height).toBe(contents.image.height);
    expect((await sharp(zoom.data).metadata()).format).toBe("webp");
  });

  it("refuses a corrupt PDF with the editor's message", () => {
    expect(() => readPagePdf(corruptPdf)).toThrow("PDF 文件已损坏，无法打开");
  });
});
