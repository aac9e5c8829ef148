// Page rendering and region detection for a 16-page edition (issue #5), with a
// baseline measured in the same run. (Region accuracy on real pages: bench/regions.ts.)
//   npm run bench:render [-- --pages 16] [-- --only-current]
// The pages are the fixture page A05 and corrected versions of it (blocks
// swapped or moved, made with mupdf), each a separate one-page PDF as the
// upload worker receives them. Per page, as the worker does it
// (lib/pages/render-worker.ts): the PDF opened and its page interpreted once
// into a display list, the 2400 px page image drawn from it, the text and rules
// read from it, the PNG master and WebP sizes encoded, the regions detected and
// matched to the page's stories. Storage and database writes are left out.
// Each page also goes through the previous pipeline (each step opening the PDF
// itself, mupdf's PNG, each WebP size from that PNG at effort 4), unless
// --only-current; pages alternate between the two, so that load from other work
// on the machine weighs on both alike. Then the whole edition once more as the
// worker runs it: mupdf on its worker thread, RENDER_LANES pages in flight. Prints pages/s, s/page, the
// share of each step and peak RSS (measure memory with --only-current: the
// previous pipeline's own peak is otherwise included).
import os from "node:os";
import { parseArgs } from "node:util";
import * as mupdf from "mupdf";
import { makeImageVariants, PAGE_IMAGE_WIDTHS } from "../lib/media/image-variants";
import { openPagePdf, renderPagePdf } from "../lib/media/render-page-pdf";
import { drawPageImage, readPagePdf } from "../lib/pages/read-page-pdf";
import { readPagePdfOffThread } from "../lib/pages/read-page-pdf-off-thread";
import { RENDER_LANES } from "../lib/pages/render-worker";
import { encodePageImage } from "../lib/pages/store-page-image";
import { findRegions } from "../lib/regions/find-regions";
import { fixturePagePdf, fixtureStories, fixtureTruth, swappedBottomRow } from "../lib/regions/fixture-page";
import { layoutOf, readPageLayout, type PageLayout } from "../lib/regions/read-page-layout";
import { rearrangePagePdf } from "../lib/regions/rearrange-page-pdf";

const { values } = parseArgs({ options: { pages: { type: "string", default: "16" }, "only-current": { type: "boolean", default: false } } });
const pageCount = Number(values.pages);

let peakRss = process.memoryUsage().rss;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
// The mupdf calls are synchronous, so the timer only fires between steps; each step also samples.
const sampler = setInterval(sample, 20);

const fixture = fixturePagePdf();
const stories = fixtureStories();
const headlines = stories.map((story) => story.headline);
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
// Regions from the placed stories' text, as the worker finds them.
const detectAndMatch = (layout: PageLayout) => findRegions(layout, stories).regions.filter((region) => region.storyKey).length;

// Warm up (WASM start-up, sharp's thread pool) outside the timings; reported separately.
const [, warmUp] = await timeAsync(async () => {
  const { image, layout } = readPagePdf(fixture);
  await encodePageImage(image);
  detectAndMatch(layout!);
});

// Baseline: mupdf opens the PDF and interprets its page into a device that
// draws nothing (loading fonts and images included): the floor under both the
// render and the text extraction, which now share one interpretation.
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

// The worker's pipeline (lib/pages/read-page-pdf.ts, store-page-image.ts), step by step.
const current = { open: 0, draw: 0, layout: 0, encode: 0, detect: 0, matched: 0, bytes: 0 };
async function currentPipeline(pdf: Buffer) {
  const [{ document, page, list }, open] = time(() => {
    const opened = openPagePdf(pdf);
    return { ...opened, list: opened.page.toDisplayList(true) };
  });
  const [image, draw] = time(() => drawPageImage(list));
  const [layout, read] = time(() => layoutOf(list));
  list.destroy();
  page.destroy();
  document.destroy();
  const [encoded, encode] = await timeAsync(() => encodePageImage(image));
  const [matched, detect] = time(() => detectAndMatch(layout));
  current.open += open;
  current.draw += draw;
  current.layout += read;
  current.encode += encode;
  current.detect += detect;
  current.matched += matched;
  current.bytes += encoded.png.length + encoded.variants.reduce((sum, variant) => sum + variant.data.length, 0);
  return open + draw + read + encode + detect;
}

// The previous pipeline: render (mupdf PNG), WebP sizes from that PNG at sharp's
// default effort, region detection opening the PDF again.
const previous = { render: 0, variants: 0, detect: 0, matched: 0 };
async function previousPipeline(pdf: Buffer) {
  const [{ png }, render] = time(() => renderPagePdf(pdf));
  const [, variants] = await timeAsync(() => makeImageVariants(png, PAGE_IMAGE_WIDTHS, { quality: 80, effort: 4 }));
  const [matched, detect] = time(() => detectAndMatch(readPageLayout(pdf)));
  previous.render += render;
  previous.variants += variants;
  previous.detect += detect;
  previous.matched += matched;
  return render + variants + detect;
}

let currentTotal = 0;
let previousTotal = 0;
if (!values["only-current"]) {
  await previousPipeline(fixture); // its own warm-up (mupdf's PNG encoder), not counted
  Object.assign(previous, { render: 0, variants: 0, detect: 0, matched: 0 });
}
for (const pdf of pages) {
  currentTotal += await currentPipeline(pdf);
  if (!values["only-current"]) previousTotal += await previousPipeline(pdf);
}

const sequentialPeakRss = peakRss;

// The edition as the worker renders it: RENDER_LANES pages in flight, mupdf on
// its worker thread, so one page's encoding (sharp's threads) overlaps the next
// page's mupdf work. The thread starts outside the timing, as it does once per server.
await readPagePdfOffThread(fixture);
let next = 0;
const inFlightStart = performance.now();
await Promise.all(
  Array.from({ length: RENDER_LANES }, async () => {
    while (next < pages.length) {
      const pdf = pages[next++]!;
      const { image, layout } = await readPagePdfOffThread(pdf);
      sample();
      await encodePageImage(image);
      detectAndMatch(layout!);
      sample();
    }
  }),
);
const inFlight = performance.now() - inFlightStart;
clearInterval(sampler);
sample();

const s = (ms: number) => (ms / pageCount / 1000).toFixed(3);
const share = (ms: number, total: number) => `${((ms / total) * 100).toFixed(0)}%`;
const MiB = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const row = (name: string, ms: number, total: number) => console.log(`| ${name} | ${s(ms)} | ${share(ms, total)} | ${(ms / baseline).toFixed(2)} |`);
console.log(
  `${pageCount} pages on ${os.cpus().length} cores (load average ${os.loadavg().map((load) => load.toFixed(1)).join(" / ")} at the end), Node ${process.version}; warm-up (WASM, sharp) ${(warmUp / 1000).toFixed(2)} s`,
);
console.log(`baseline: mupdf open + interpret page (no drawing): ${s(baseline)} s/page\n`);
console.log(`Current pipeline, one page at a time: regions matched ${current.matched} of ${pageCount * headlines.length}`);
console.log("| step | s/page | share | /baseline |");
console.log("|---|---|---|---|");
row("open PDF + interpret page into a display list", current.open, currentTotal);
row("draw page image 2400 px (pixels)", current.draw, currentTotal);
row("read text lines + rules from the display list", current.layout, currentTotal);
row("encode PNG master + WebP 240/800/1400/2400 (sharp threads)", current.encode, currentTotal);
row("detect regions + match headlines", current.detect, currentTotal);
row("total", currentTotal, currentTotal);
const blocked = current.open + current.draw + current.layout + current.detect;
console.log(
  `pages/s: ${((pageCount * 1000) / currentTotal).toFixed(2)}; event loop blocked ${s(blocked)} s/page (synchronous mupdf + detection); ` +
    `stored ${MiB(current.bytes / pageCount)}/page\n`,
);
console.log(`Current pipeline, ${RENDER_LANES} pages in flight, mupdf on its thread (as the worker runs): ${s(inFlight)} s/page, ${((pageCount * 1000) / inFlight).toFixed(2)} pages/s, /baseline ${(inFlight / baseline).toFixed(2)}\n`);
if (!values["only-current"]) {
  console.log(`Previous pipeline, one page at a time: regions matched ${previous.matched} of ${pageCount * headlines.length}`);
  console.log("| step | s/page | share | /baseline |");
  console.log("|---|---|---|---|");
  row("render PNG 2400 px (renderPagePdf)", previous.render, previousTotal);
  row("WebP sizes from the PNG, effort 4 (makeImageVariants)", previous.variants, previousTotal);
  row("region detection (opens the PDF again) + matching", previous.detect, previousTotal);
  row("total", previousTotal, previousTotal);
  console.log(
    `pages/s: ${((pageCount * 1000) / previousTotal).toFixed(2)}; previous/current: ${(previousTotal / currentTotal).toFixed(2)}× one at a time, ` +
      `${(previousTotal / inFlight).toFixed(2)}× against ${RENDER_LANES} in flight\n`,
  );
}
console.log(
  `peak RSS: ${MiB(sequentialPeakRss)} after one page at a time${values["only-current"] ? "" : " (both pipelines)"}, ` +
    `${MiB(peakRss)} at the end (a second mupdf instance, on its thread, and ${RENDER_LANES} pages in flight)`,
);
