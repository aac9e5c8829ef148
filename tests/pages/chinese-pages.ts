import { randomFrom } from "@/bench/archive/random";
import { topicNamed, writeArticle } from "@/bench/archive/write-article";
import type { StoryText } from "@/lib/regions/anchor-stories";
import type { Rect } from "@/lib/regions/rect";
import { PageBuilder } from "./page-builder";

// Chinese test pages with a city daily's layouts, drawn with exact article
// boxes (issue #11): 引题/主题/副题 in display type, 本报讯 datelines, a
// photo above a headline and one beside it, boxed articles (a double frame
// and a 花边框 of ornaments), a 简讯 column of untitled briefs, white-space
// gutters without rules, a vertical (竖排) headline, an L-shaped article, a
// story jumping from A01 to A06 (下转A06版 / 上接A01版), the page header with
// date, 版次 and 版名, a folio and an ad. The text is the synthetic archive's
// (bench/archive): a city daily's words, so stories on a page share phrases
// the way a real paper's do.

export interface TruthArticle {
  key: string;
  /** The story as printed on this page (a jumped story: its whole printed text). */
  story: StoryText;
  /** The true outline, page-relative: the union of these rectangles. */
  boxes: Rect[];
}

export interface ChineseTestPage {
  name: string;
  pdf: Buffer;
  articles: TruthArticle[];
  /**
   * Articles that nothing but their text tells apart (the untitled briefs of a
   * 简讯 column): from the geometry alone they are one block, with this outline.
   */
  geometryGroups: { keys: string[]; boxes: Rect[] }[];
}

const WIDTH = 842;
const HEIGHT = 1191;
const MARGIN = 42;
const GUTTER = 11;
const COLUMNS = 6;
const COLUMN = (WIDTH - 2 * MARGIN - GUTTER * (COLUMNS - 1)) / COLUMNS;
const BODY = 9;
const CONTENT_TOP = 64;
const CONTENT_BOTTOM = 1140;

/** Left and right edge of columns first..last (0-based). */
function span(first: number, last: number): [number, number] {
  return [MARGIN + first * (COLUMN + GUTTER), MARGIN + last * (COLUMN + GUTTER) + COLUMN];
}

function columnsOf(first: number, last: number, y0: number, y1: number): Rect[] {
  return Array.from({ length: last - first + 1 }, (_, index) => {
    const [x0, x1] = span(first + index, first + index);
    return { x0, y0, x1, y1 };
  });
}

/** Columns of equal width side by side in [x0, x1]. */
function splitColumns(x0: number, x1: number, count: number, y0: number, y1: number): Rect[] {
  const width = (x1 - x0 - GUTTER * (count - 1)) / count;
  return Array.from({ length: count }, (_, index) => ({ x0: x0 + index * (width + GUTTER), y0, x1: x0 + index * (width + GUTTER) + width, y1 }));
}

interface Written {
  kicker: string | null;
  headline: string;
  subtitle: string | null;
  paragraphs: string[];
}

/**
 * A story of the beat, its display lines cut to what fits: `headline` is the
 * most characters the headline's line holds (kickers and subtitles, set at
 * about half its size, hold 1.6 times as many).
 */
function write(seed: string, topic: string, options: { headline: number; kicker?: boolean; subtitle?: boolean }): Written {
  const random = randomFrom(seed);
  const desk = { random, year: 2023, corpus: [] };
  const article = writeArticle(desk, topicNamed(topic), 4000);
  const paragraphs = article.body.filter((block) => block.type === "paragraph").map((block) => block.text);
  const cut = (text: string, chars: number) => [...text].slice(0, chars).join("");
  return {
    kicker: options.kicker ? cut(article.kicker ?? writeArticle(desk, topicNamed(topic), 1).headline, Math.floor(options.headline * 1.6)) : null,
    headline: cut(article.headline, options.headline),
    subtitle: options.subtitle ? cut(article.subtitle ?? writeArticle(desk, topicNamed(topic), 1).headline, Math.floor(options.headline * 1.6)) : null,
    paragraphs,
  };
}

class TestPage {
  readonly builder: PageBuilder;
  readonly stories = new Map<string, StoryText>();
  private readonly slabs = new Map<string, Rect[] | undefined>();
  readonly geometryGroups: { keys: string[]; slab: Rect }[] = [];

  constructor(
    readonly number: string,
    readonly name: string,
    options: { garbled?: boolean } = {},
  ) {
    this.builder = new PageBuilder(WIDTH, HEIGHT, options);
    const b = this.builder;
    b.owner = null;
    // The page header: date, 版名 and 版次, the desk's editors, and the page-wide rule under them.
    b.text("2023年3月13日 星期一", MARGIN, 34, 9);
    b.centred(name, MARGIN, WIDTH - MARGIN, 38, 20);
    b.text(number, WIDTH - MARGIN - 3 * 22, 38, 22);
    b.text("责任编辑 梁炜杰 美术编辑 陈明 校对 李华", MARGIN, 50, 7);
    b.rule(MARGIN, 56, WIDTH - MARGIN, 56, 1.5);
    // The folio.
    b.rule(MARGIN, 1150, WIDTH - MARGIN, 1150, 0.5);
    b.centred(`江门日报 ${number} 2023年3月13日`, MARGIN, WIDTH - MARGIN, 1164, 7);
  }

  /** Starts an article: what is drawn next is its. Slabs: an outline of more than one rectangle. */
  begin(key: string, story: Omit<StoryText, "key" | "body" | "captions"> & { captions?: string[] }, slabs?: Rect[]): void {
    this.builder.owner = key;
    const known = this.stories.get(key);
    this.stories.set(key, known ?? { key, ...story, captions: story.captions ?? [], body: [] });
    this.slabs.set(key, slabs);
  }

  body(key: string, paragraphs: readonly string[], columns: Rect[], size = BODY): string[] {
    const set = this.builder.flow(paragraphs, columns, size);
    const printed: string[] = [];
    for (const line of set) printed[line.paragraph] = (printed[line.paragraph] ?? "") + line.text;
    const text = printed.filter(Boolean);
    this.stories.get(key)!.body.push(...text);
    return text;
  }

  /** The paragraphs not printed yet (for a jump). */
  static rest(all: readonly string[], printed: readonly string[]): string[] {
    const last = printed.length - 1;
    const remainder = all[last]!.slice(printed[last]!.length);
    return [remainder, ...all.slice(last + 1)].filter((text) => text.length > 0);
  }

  furniture(): void {
    this.builder.owner = null;
  }

  finish(pdfStories?: Map<string, StoryText>): ChineseTestPage {
    const relative = (rect: Rect): Rect => ({ x0: rect.x0 / WIDTH, y0: rect.y0 / HEIGHT, x1: rect.x1 / WIDTH, y1: rect.y1 / HEIGHT });
    const articles = [...this.stories.values()].map((story) => ({
      key: story.key,
      story: pdfStories?.get(story.key) ?? story,
      boxes: this.builder.inkOf(story.key, this.slabs.get(story.key)).map(relative),
    }));
    const groups = new Map<Rect, string[]>();
    for (const group of this.geometryGroups) groups.set(group.slab, [...(groups.get(group.slab) ?? []), ...group.keys]);
    const geometryGroups = [...groups].map(([slab, keys]) => {
      const rects = keys.flatMap((key) => this.builder.inkOf(key));
      const bound = { x0: Math.min(...rects.map((r) => r.x0), slab.x0), y0: Math.min(...rects.map((r) => r.y0), slab.y0), x1: Math.max(...rects.map((r) => r.x1)), y1: Math.max(...rects.map((r) => r.y1)) };
      return { keys, boxes: [relative(bound)] };
    });
    return { name: `${this.number} ${this.name}`, pdf: this.builder.toPdf(), articles, geometryGroups };
  }
}

const photoCaption = (text: string, credit: string) => `${text}。${credit} 摄`;

/** A01 要闻: a lead with its photo above the headline that jumps to A06, a side story, a story with its photo beside the headline, a 花边框 box. */
function pageA01(lead: Written): { page: TestPage; leadPrinted: string[] } {
  const page = new TestPage("A01", "要闻");
  const b = page.builder;
  const [l0, l1] = span(0, 3);
  // Lead: photo above, its caption, then 引题/主题/副题 centred over four columns; 本报讯 dateline; 下转A06版.
  const caption = photoCaption("江门高新区一家企业的生产车间内，工人正在赶制订单", "何榕");
  page.begin("lead", { kicker: lead.kicker, headline: lead.headline, subtitle: lead.subtitle, bylines: ["本报记者 何榕"], captions: [caption] });
  b.photo({ x0: l0, y0: CONTENT_TOP, x1: l1, y1: 262 }, 1);
  b.text(caption, l0, 276, 8);
  b.centred(lead.kicker!, l0, l1, 300, 14);
  b.centred(lead.headline, l0, l1, 336, 28);
  b.centred(lead.subtitle!, l0, l1, 362, 14);
  const leadParagraphs = [`本报讯（记者 何榕 通讯员 江宣）${lead.paragraphs[0]}`, ...lead.paragraphs.slice(1)];
  const leadPrinted = page.body("lead", leadParagraphs, columnsOf(0, 3, 374, 676));
  b.text("（下转A06版）", span(3, 3)[1] - 8 * BODY, 690, BODY);

  // Side story in columns 5–6, set off by white space only: a two-line headline and a byline line.
  const side = write("a01-side", "education", { headline: 22 });
  const [s0] = span(4, 5);
  page.begin("side", { kicker: null, headline: side.headline, subtitle: null, bylines: ["□江门日报记者/陈嘉欣"] });
  const half = Math.ceil([...side.headline].length / 2);
  b.text([...side.headline].slice(0, half).join(""), s0, CONTENT_TOP + 22, 22);
  b.text([...side.headline].slice(half).join(""), s0, CONTENT_TOP + 50, 22);
  b.text("□江门日报记者/陈嘉欣", s0, CONTENT_TOP + 72, BODY);
  page.body("side", side.paragraphs, columnsOf(4, 5, CONTENT_TOP + 82, 690));

  // A rule across the page's width closes the top stories.
  page.furniture();
  b.rule(MARGIN, 702, WIDTH - MARGIN, 702, 0.75);

  // Photo beside its headline: the photo and caption in column 1, the headline over columns 2–4.
  const beside = write("a01-beside", "culture", { headline: 15 });
  const [c0] = span(0, 0);
  const [h0] = span(1, 3);
  const besideCaption = photoCaption("市民在长堤历史文化街区参观侨乡文化展", "邱昱");
  page.begin("beside", { kicker: null, headline: beside.headline, subtitle: null, bylines: [], captions: [besideCaption] });
  b.photo({ x0: c0, y0: 712, x1: c0 + COLUMN, y1: 830 }, 2);
  b.flow([besideCaption], [{ x0: c0, y0: 834, x1: c0 + COLUMN, y1: 870 }], 8, 11);
  b.text(beside.headline, h0, 738, 24);
  page.body("beside", [`本报讯（记者 邱昱）${beside.paragraphs[0]}`, ...beside.paragraphs.slice(1)], [
    { x0: c0, y0: 880, x1: c0 + COLUMN, y1: CONTENT_BOTTOM },
    ...columnsOf(1, 3, 752, CONTENT_BOTTOM),
  ]);

  // A 花边框 box in columns 5–6.
  const boxed = write("a01-boxed", "health", { headline: 13 });
  const [f0, f1] = span(4, 5);
  page.begin("boxed", { kicker: null, headline: boxed.headline, subtitle: null, bylines: ["□江门日报记者/李雪"] });
  b.ornamentFrame({ x0: f0, y0: 712, x1: f1, y1: CONTENT_BOTTOM });
  b.centred(boxed.headline, f0, f1, 744, 17);
  b.centred("□江门日报记者/李雪", f0, f1, 762, BODY);
  page.body("boxed", boxed.paragraphs, splitColumns(f0 + 12, f1 - 12, 2, 772, CONTENT_BOTTOM - 12));
  return { page, leadPrinted };
}

/** A06 综合: the lead's continuation (上接A01版), an L-shaped story around a small one, a 简讯 column, a story of four columns, an ad. */
function pageA06(lead: Written, leadRest: string[]): TestPage {
  const page = new TestPage("A06", "综合");
  const b = page.builder;
  const [j0, j1] = span(0, 2);
  page.begin("lead", { kicker: lead.kicker, headline: lead.headline, subtitle: lead.subtitle, bylines: ["本报记者 何榕"] });
  b.text("（上接A01版）", j0, CONTENT_TOP + BODY + 2, BODY);
  b.centred(lead.headline, j0, j1, CONTENT_TOP + 40, 18);
  page.body("lead", leadRest, columnsOf(0, 2, CONTENT_TOP + 52, 596));

  // The L: a headline over columns 4–6, the body in all three, then on down column 6 beside a small story.
  const ell = write("a06-ell", "transport", { headline: 14, kicker: true });
  const notch = write("a06-notch", "law", { headline: 15 });
  const [e0, e1] = span(3, 5);
  const [n0, n1] = span(3, 4);
  const [r0, r1] = span(5, 5);
  page.begin("ell", { kicker: ell.kicker, headline: ell.headline, subtitle: null, bylines: ["□江门日报记者/赵可"] }, [
    { x0: e0, y0: CONTENT_TOP, x1: e1, y1: 398 },
    { x0: r0, y0: 398, x1: r1, y1: 600 },
  ]);
  b.centred(ell.kicker!, e0, e1, CONTENT_TOP + 14, 13);
  b.centred(ell.headline, e0, e1, CONTENT_TOP + 44, 26);
  b.text("□江门日报记者/赵可", e0, CONTENT_TOP + 66, BODY);
  page.body("ell", ell.paragraphs, [...columnsOf(3, 4, CONTENT_TOP + 76, 396), { x0: r0, y0: CONTENT_TOP + 76, x1: r1, y1: 596 }]);
  page.furniture();
  b.rule(n0, 404, n1, 404, 0.75);
  page.begin("notch", { kicker: null, headline: notch.headline, subtitle: null, bylines: [] });
  b.text(notch.headline, n0, 428, 16);
  page.body("notch", [`本报讯 ${notch.paragraphs[0]}`, ...notch.paragraphs.slice(1)], columnsOf(3, 4, 440, 596));

  page.furniture();
  b.rule(MARGIN, 606, WIDTH - MARGIN, 606, 0.75);

  // 简讯: a column head, then untitled briefs, each its own story without a byline.
  const [k0, k1] = span(0, 1);
  b.text("简讯", k0, 634, 18);
  b.rule(k0, 642, k1, 642, 0.5);
  // Briefs fill the column, as a layout desk sets them: the last one cut to a sentence that fits.
  let top = 652;
  const briefs: string[] = [];
  const topics = ["livelihood", "environment", "sports", "agriculture", "health", "culture", "law", "transport", "education", "technology", "overseas", "economy"];
  for (let index = 0; index < topics.length && top < 1000 - 3 * BODY * 1.5; index += 1) {
    const brief = write(`a06-brief-${index}`, topics[index]!, { headline: 12 });
    const key = `brief-${briefs.length + 1}`;
    const sentences = brief.paragraphs[0]!.split(/(?<=。)/u).slice(0, 3).join("");
    page.begin(key, { kicker: null, headline: sentences.slice(0, 12), subtitle: null, bylines: [] });
    const lines = b.flow([`■${sentences}`], [{ x0: k0, y0: top, x1: k1, y1: 1000 }], BODY);
    if (lines.length === 0) {
      // Not even its first sentence fits: the desk tries the next brief.
      page.stories.delete(key);
      continue;
    }
    page.stories.get(key)!.body.push(lines.map((line) => line.text).join(""));
    top = Math.max(...lines.map((line) => line.rect.y1)) + 10;
    briefs.push(key);
  }
  // The row ends under the last brief: the story beside it is cut to the same depth, the ad takes the rest.
  const rowBottom = top - 10 + 4;
  page.geometryGroups.push({ keys: briefs, slab: { x0: k0, y0: 614, x1: k1, y1: rowBottom } });

  // A story of four columns with 引题/主题/副题.
  const wide = write("a06-wide", "economy", { headline: 19, kicker: true, subtitle: true });
  const [w0] = span(2, 5);
  page.begin("wide", { kicker: wide.kicker, headline: wide.headline, subtitle: wide.subtitle, bylines: ["本报记者 黄晓晴"] });
  b.text(wide.kicker!, w0, 632, 13);
  b.text(wide.headline, w0, 664, 26);
  b.text(wide.subtitle!, w0, 688, 13);
  page.body("wide", [`本报讯（记者 黄晓晴）${wide.paragraphs[0]}`, ...wide.paragraphs.slice(1)], columnsOf(2, 5, 700, rowBottom));

  // The ad: a framed box with a slogan in display type, the advertiser's lines and the 广告 mark. No story.
  page.furniture();
  b.frame({ x0: MARGIN, y0: rowBottom + 12, x1: WIDTH - MARGIN, y1: CONTENT_BOTTOM });
  b.text("广告", MARGIN + 4, rowBottom + 22, 7);
  b.centred("侨都好房 品质生活", MARGIN, WIDTH - MARGIN, 1062, 30);
  b.centred("江景现房 交通便利 配套成熟 即买即住", MARGIN, WIDTH - MARGIN, 1090, 14);
  b.centred("咨询热线：0750-3888888 地址：江门市蓬江区建设路88号 开发商：江门侨都置业有限公司", MARGIN, WIDTH - MARGIN, 1116, 9);
  return page;
}

/** A07 江门新闻: a vertical headline, a double-framed box, three stories side by side with no rules between them. */
function pageA07(options: { garbled?: boolean } = {}): TestPage {
  const page = new TestPage("A07", "江门新闻", options);
  const b = page.builder;
  // 竖排: the headline down the right edge of columns 1–3, the body in three columns to its left.
  const vertical = write("a07-vertical", "overseas", { headline: 14 });
  const [v0, v1] = span(0, 2);
  const headline = vertical.headline;
  page.begin("vertical", { kicker: null, headline, subtitle: null, bylines: [] });
  b.vertical(headline, v1 - 26, CONTENT_TOP, 26);
  page.body("vertical", [`本报讯（记者 林琳）${vertical.paragraphs[0]}`, ...vertical.paragraphs.slice(1)], splitColumns(v0, v1 - 38, 3, CONTENT_TOP, 520));

  // A double-framed box.
  const boxed = write("a07-boxed", "technology", { headline: 15, subtitle: true });
  const [x0, x1] = span(3, 5);
  page.begin("boxed", { kicker: null, headline: boxed.headline, subtitle: boxed.subtitle, bylines: ["□江门日报记者/吴东"] });
  b.frame({ x0, y0: CONTENT_TOP, x1, y1: 520 }, true);
  b.centred(boxed.headline, x0, x1, CONTENT_TOP + 36, 22);
  b.centred(boxed.subtitle!, x0, x1, CONTENT_TOP + 58, 13);
  b.centred("□江门日报记者/吴东", x0, x1, CONTENT_TOP + 76, BODY);
  page.body("boxed", boxed.paragraphs, splitColumns(x0 + 12, x1 - 12, 3, CONTENT_TOP + 86, 508));

  // Three stories side by side, white space between them: a photo above the first one's headline.
  const first = write("a07-first", "livelihood", { headline: 13 });
  const [a0, a1] = span(0, 1);
  page.begin("first", { kicker: null, headline: first.headline, subtitle: null, bylines: [], captions: ["市民在江门站乘车。邱昱 摄"] });
  b.photo({ x0: a0, y0: 536, x1: a1, y1: 690 }, 3);
  b.text("市民在江门站乘车。邱昱 摄", a0, 702, 8);
  b.text(first.headline, a0, 730, 18);
  page.body("first", [`本报讯 ${first.paragraphs[0]}`, ...first.paragraphs.slice(1)], columnsOf(0, 1, 742, CONTENT_BOTTOM));

  const second = write("a07-second", "agriculture", { headline: 13, kicker: true });
  const [m0] = span(2, 3);
  page.begin("second", { kicker: second.kicker, headline: second.headline, subtitle: null, bylines: ["□江门日报记者/周敏"] });
  b.text(second.kicker!, m0, 552, 12);
  b.text(second.headline, m0, 578, 18);
  b.text("□江门日报记者/周敏", m0, 598, BODY);
  page.body("second", second.paragraphs, columnsOf(2, 3, 608, CONTENT_BOTTOM));

  const third = write("a07-third", "sports", { headline: 13 });
  const [t0] = span(4, 5);
  page.begin("third", { kicker: null, headline: third.headline, subtitle: null, bylines: [] });
  b.text(third.headline, t0, 556, 18);
  page.body("third", [`本报讯（通讯员 江体宣）${third.paragraphs[0]}`, ...third.paragraphs.slice(1)], columnsOf(4, 5, 568, CONTENT_BOTTOM));
  return page;
}

/** Pages whose text layer cannot anchor regions, and the issue detection must report. */
export interface UnusableTestPage {
  name: string;
  pdf: Buffer;
  issue: "GARBLED" | "NOISY_OCR";
}

/**
 * A07 as a PDF whose fonts lost their Unicode maps (every character reads as
 * private-use code, as on the Indian Express page), and a scanned page: one
 * picture of the page with an invisible OCR layer whose sizes and characters
 * are guesses.
 */
export function unusableTestPages(): UnusableTestPage[] {
  const garbled = pageA07({ garbled: true }).finish();
  const scan = new PageBuilder(WIDTH, HEIGHT);
  scan.photo({ x0: 12, y0: 12, x1: WIDTH - 12, y1: HEIGHT - 12 }, 4);
  const random = randomFrom("scan");
  const noise = ["口", "囗", "丨", "·", "l", "i", "1", "；", "—", "〓"];
  const text = ["economy", "culture", "law", "sports"].flatMap((topic) => write(`scan-${topic}`, topic, { headline: 20 }).paragraphs).join("");
  let offset = 0;
  for (let column = 0; column < 4; column += 1) {
    for (let baseline = 80; baseline < HEIGHT - 60; baseline += 16) {
      const size = random.int(6, 15);
      const chars = [...text.slice(offset, offset + 18)].map((char) => (random.chance(0.25) ? random.any(noise) : char));
      offset += 18;
      scan.text(chars.join(""), 40 + column * 195, baseline + random.int(-2, 2), size, true);
    }
  }
  return [
    { name: "A07 (text layer without Unicode)", pdf: garbled.pdf, issue: "GARBLED" },
    { name: "a scanned page with OCR text", pdf: scan.toPdf(), issue: "NOISY_OCR" },
  ];
}

let cached: ChineseTestPage[] | undefined;

/** The three generated pages (A01, A06, A07), made once per process. */
export function chineseTestPages(): ChineseTestPage[] {
  if (cached) return cached;
  const lead = write("a01-lead", "economy", { headline: 17, kicker: true, subtitle: true });
  const { page: a01, leadPrinted } = pageA01(lead);
  const leadParagraphs = [`本报讯（记者 何榕 通讯员 江宣）${lead.paragraphs[0]}`, ...lead.paragraphs.slice(1)];
  const a06 = pageA06(lead, TestPage.rest(leadParagraphs, leadPrinted));
  const a07 = pageA07();
  // The jumped story is one story: both pages know its whole printed text.
  const whole: StoryText = { ...a01.stories.get("lead")!, body: [...a01.stories.get("lead")!.body, ...a06.stories.get("lead")!.body] };
  const jumped = new Map([["lead", whole]]);
  cached = [a01.finish(jumped), a06.finish(jumped), a07.finish()];
  return cached;
}
