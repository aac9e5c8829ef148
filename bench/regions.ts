// Page rendering and region detection for a 16-page edition (issue #5), with a
// baseline measured in the same run.
//   npm run bench:regions [-- --pages 16]
// The pages are the fixture page A05 and corrected versions of it (blocks
// swapped or moved, made with mupdf), each a separate one-page PDF as the
// upload worker receives them. Per page: render (PNG at 2400 px + WebP sizes)
// and region detection (text and rules → regions → headline matching).
// Prints pages/s, s/page, the share of each step and peak RSS.
import os from "node:os";
import { parseArgs } from "node:util";
import * as mupdf from "mupdf";
import { makeImageVariants, PAGE_IMAGE_WIDTHS } from "../lib/media/image-variants";
import { renderPagePdf } from "../lib/media/render-page-pdf";
import { detectRegions } from "../lib/regions/detect-regions";
import { fixtureHeadlines, fixturePagePdf, fixtureTruth, swappedBottomRow } from "../lib/regions/fixture-page";
import { matchHeadlines } from "../lib/regions/match-headline";
import { readPageLayout } from "../lib/regions/read-page-layout";
import { rearrangePagePdf } from "../lib/regions/rearrange-page-pdf";

const { values } = parseArgs({ options: { pages: { type: "string", default: "16" } } });
const pageCount = Number(values.pages);

let peakRss = process.memoryUsage().rss;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
// The mupdf calls are synchronous, so the timer only fires between steps; each step also samples.
const sampler = setInterval(sample, 20);

const fixture = fixturePagePdf();
const headlines = fixtureHeadlines();
const truth = fixtureTruth();
const lead = truth.find((entry) => entry.headline.startsWith("吹响"))!.box;
const rightTop = truth.find((entry) => entry.headline.startsWith("共建科研"))!.box;
// Four layouts: the page as printed, the bottom row swapped, and the lead story
// moved against the right column's top story (its block shifted sideways).
const layouts = [
  fixture,
  rearrangePagePdf(fixture, swappedBottomRow()),
  rearrangePagePdf(fixture, [{ from: { ...rightTop, y0: rightTop.y0 - 0.002 }, dx: -(rightTop.x0 - lead.x0), dy: 0 }]),
  rearrangePagePdf(fixture, [{ from: { ...lead, y0: lead.y0 - 0.002 }, dx: 0, dy: 0 }]),
];
const pages = Array.from({ length: pageCount }, (_, index) => layouts[index % layouts.length]!);

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  sample();
  return [result, performance.now() - start];
}
async function timeAsync<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
  sample();
  return [result, performance.now() - start];
}

// Warm up (WASM start-up, sharp's thread pool) outside the timings; reported separately.
const [, warmUp] = await timeAsync(async () => {
  const { png } = renderPagePdf(fixture);
  await makeImageVariants(png, PAGE_IMAGE_WIDTHS);
  detectRegions(readPageLayout(fixture));
});

// Baseline: mupdf opens the PDF and interprets its page into a device that
// draws nothing (loading fonts and images included): the floor under both the
// render and the text extraction, each of which pays it once per open.
let baseline = 0;
for (const pdf of pages) {
  baseline += time(() => {
    const document = mupdf.Document.openDocument(pdf, "application/pdf");
    const page = document.loadPage(0);
    const device = new mupdf.Device({});
    page.run(device, mupdf.Matrix.identity);
    device.close();
    device.destroy();
    page.destroy();
    document.destroy();
  })[1];
}

let renderMs = 0;
let variantsMs = 0;
let detectMs = 0;
let matched = 0;
const total = performance.now();
for (const pdf of pages) {
  const [{ png }, render] = time(() => renderPagePdf(pdf));
  const [, variants] = await timeAsync(() => makeImageVariants(png, PAGE_IMAGE_WIDTHS));
  const [matches, detect] = time(() => {
    const regions = detectRegions(readPageLayout(pdf));
    return matchHeadlines(regions.map((region) => region.headline), headlines);
  });
  renderMs += render;
  variantsMs += variants;
  detectMs += detect;
  matched += matches.length;
}
const totalMs = performance.now() - total;
clearInterval(sampler);
sample();

const perPage = (ms: number) => (ms / pageCount / 1000).toFixed(3);
console.log(`${pageCount} pages on ${os.cpus().length} cores (load average ${os.loadavg()[0]!.toFixed(1)} at the end), Node ${process.version}; warm-up (WASM, sharp) ${(warmUp / 1000).toFixed(2)} s`);
console.log(`regions matched: ${matched} of ${pageCount * headlines.length}`);
console.log("| step | s/page | share of total |");
console.log("|---|---|---|");
for (const [name, ms] of [
  ["baseline: mupdf open + interpret page (no drawing)", baseline],
  ["render PNG 2400 px (renderPagePdf)", renderMs],
  ["WebP sizes (makeImageVariants)", variantsMs],
  ["region detection + matching", detectMs],
  ["total (render + sizes + regions)", totalMs],
] as const) {
  console.log(`| ${name} | ${perPage(ms)} | ${((ms / totalMs) * 100).toFixed(0)}% |`);
}
console.log(`pages/s: ${((pageCount * 1000) / totalMs).toFixed(2)}; total/baseline: ${(totalMs / baseline).toFixed(1)}×; region detection/baseline: ${(detectMs / baseline).toFixed(2)}; region detection/render: ${(detectMs / renderMs).toFixed(2)}`);
console.log(`peak RSS: ${(peakRss / 2 ** 20).toFixed(0)} MiB`);
