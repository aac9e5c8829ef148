import type { ManifestBlock } from "@/lib/articles/body";
import type { Random } from "./random";
import {
  ACRONYMS,
  CITIES,
  COMMON_PHRASES,
  DISTRICTS,
  LANDMARKS,
  ORGANISATIONS,
  RARE_WORDS,
  TIMES,
  TOPICS,
  TOWNS,
  VERBS,
  type Topic,
} from "./vocabulary";

// Stories of a city daily made from the vocabulary: a headline from the beat's
// subjects and outcomes, an optional kicker and subtitle, and a body of
// sentences from templates and from the demo newsroom's real text. The text
// reads like the paper's (same words, same idiom, numbers, dates, English
// acronyms), which is what matters to the search index: lexeme counts, document
// sizes and how often common words occur.

export interface WrittenArticle {
  kicker: string | null;
  headline: string;
  subtitle: string | null;
  body: ManifestBlock[];
}

export interface Desk {
  random: Random;
  /** Year of the edition (numbers like "2019年" in the text). */
  year: number;
  /** The district the page reports from, if it is a district's page. */
  district?: string;
  /** Real sentences (the demo newsroom's articles), mixed into bodies. */
  corpus: readonly string[];
}

const topicByName = new Map(TOPICS.map((topic) => [topic.name, topic]));

export function topicNamed(name: string): Topic {
  const topic = topicByName.get(name);
  if (!topic) throw new Error(`Unknown topic ${name}`);
  return topic;
}

function place(desk: Desk): string {
  const { random } = desk;
  const district = (desk.district ?? (random.chance(0.5) ? random.any(DISTRICTS) : undefined)) as (typeof DISTRICTS)[number] | undefined;
  if (!district) return random.chance(0.6) ? "我市" : random.skewed(["江门", "江门市", "全市", "侨都"]);
  const roll = random.next();
  if (roll < 0.45) return district;
  if (roll < 0.85) return random.any(TOWNS[district]);
  return random.skewed(LANDMARKS);
}

/** The short form used in headlines (台山市 → 台山). */
function shortPlace(desk: Desk): string {
  return place(desk).replace(/^(..)[市区]$/, "$1");
}

function money(random: Random): string {
  const roll = random.next();
  if (roll < 0.45) return `${random.int(1, 99) * 100}万元`;
  if (roll < 0.8) return `${random.int(1, 30)}.${random.int(1, 9)}亿元`;
  return `${random.int(2, 500)}亿元`;
}

const percent = (random: Random) => `${random.int(1, 35)}.${random.int(0, 9)}%`;
const count = (random: Random) => String(random.chance(0.5) ? random.int(2, 60) : random.int(100, 20_000));

function person(random: Random): string {
  return random.any(["市委书记", "市长", "区长", "镇长", "党委书记", "相关负责人", "村党支部书记", "企业负责人", "该局局长", "主任"]);
}

/** Fills the {slots} of a template. */
function fill(template: string, desk: Desk, topic: Topic): string {
  const { random } = desk;
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case "place":
        return place(desk);
      case "org":
        return random.skewed(ORGANISATIONS);
      case "time":
        return random.skewed(TIMES);
      case "verb":
        return random.skewed(VERBS);
      case "phrase":
        return random.skewed(COMMON_PHRASES);
      case "subject":
        return random.skewed(topic.subjects);
      case "outcome":
        return random.any(topic.outcomes);
      case "word":
        return random.skewed(topic.words);
      case "landmark":
        return random.skewed(LANDMARKS);
      case "city":
        return random.skewed(CITIES);
      case "acronym":
        return random.skewed(ACRONYMS);
      case "rare":
        return random.any(RARE_WORDS);
      case "money":
        return money(random);
      case "pct":
        return percent(random);
      case "count":
        return count(random);
      case "days":
        return String(random.int(20, 180));
      case "year":
        return String(desk.year - random.int(0, 1));
      case "month":
        return String(random.int(1, 12));
      case "day":
        return String(random.int(1, 28));
      case "person":
        return person(random);
      default:
        return slot;
    }
  });
}

const SENTENCES = [
  "{time}，{org}{verb}{subject}工作，进一步{verb}{phrase}。",
  "{time}，{place}{subject}{outcome}，为{phrase}注入新动能。",
  "{person}表示，要{verb}{phrase}，{verb}{word}和{word}，推动{subject}{outcome}。",
  "据介绍，{place}今年以来已{verb}{word}项目{count}个，总投资{money}。",
  "记者在现场看到，{word}、{word}等工作井然有序，一派繁忙景象。",
  "{org}相关负责人介绍，{word}是{phrase}的重要抓手，必须抓紧抓实。",
  "{year}年以来，{place}累计{verb}{word}{count}个，带动{word}增长{pct}。",
  "与此同时，{place}还积极{verb}{word}，着力打造{landmark}等一批{word}平台。",
  "下一步，{org}将继续{verb}{phrase}，为建设更高水平的侨都江门贡献力量。",
  "“{word}搞好了，{word}才会越来越好。”{person}说。",
  "{month}月{day}日，{place}举行{subject}活动，{count}余名{word}代表参加。",
  "{place}与{city}有关方面签订合作协议，共同推进{word}领域合作。",
  "目前，{place}{acronym}相关产业规模达{money}，同比增长{pct}。",
  "会议强调，要坚持问题导向，{verb}{word}，{verb}{phrase}，确保各项工作落到实处。",
  "在{landmark}，{word}与{word}相互融合，成为{place}{phrase}的一张新名片。",
  "据了解，该项目占地约{count}亩，预计{year}年底建成投用。",
  "{place}坚持以{phrase}为引领，{verb}{word}，群众的获得感、幸福感不断增强。",
  "{time}，{place}的{rare}吸引了不少市民和游客前来。",
];

const HEADLINES = [
  "{short}{subject}{outcome}",
  "{subject}{outcome}",
  "{short}{count}个{subject}{outcome}",
  "{year}年{short}{subject}{outcome}",
  "{phrase}见实效 {short}{subject}{outcome}",
  "{short}{verb}{phrase}",
  "{short}：{subject}{outcome}",
];

function sentence(desk: Desk, topic: Topic): string {
  const { random } = desk;
  const roll = random.next();
  if (roll < 0.1 && desk.corpus.length) return random.any(desk.corpus);
  if (roll < 0.35) return fill(random.any(topic.sentences), desk, topic);
  // The rare-word template only now and then: its words should stay rare.
  const template = random.any(SENTENCES);
  if (template.includes("{rare}") && !random.chance(0.15)) return fill(SENTENCES[0]!, desk, topic);
  return fill(template, desk, topic);
}

function paragraph(desk: Desk, topic: Topic): string {
  let text = "";
  const sentences = desk.random.int(2, 5);
  for (let index = 0; index < sentences; index += 1) text += sentence(desk, topic);
  return text;
}

/** A headline of the beat; {short} is the place as a headline writes it. */
export function writeHeadline(desk: Desk, topic: Topic): string {
  const template = desk.random.skewed(HEADLINES).replace("{short}", shortPlace(desk));
  return fill(template, desk, topic);
}

/** One story of about `length` characters of body. */
export function writeArticle(desk: Desk, topic: Topic, length: number): WrittenArticle {
  const { random } = desk;
  const headline = writeHeadline(desk, topic);
  const kicker = random.chance(0.3) ? fill("{place}{verb}{phrase}", desk, topic) : null;
  const subtitle = random.chance(0.15) ? fill("{count}个{word}项目{outcome}", desk, topic) : null;
  const body: ManifestBlock[] = [];
  let size = 0;
  let sinceSubhead = 0;
  while (size < length) {
    if (length > 1200 && sinceSubhead >= 4) {
      body.push({ type: "subhead", text: fill(random.any(["{phrase} {outcome}", "{word}{outcome}", "{verb}{word} {verb}{phrase}"]), desk, topic) });
      sinceSubhead = 0;
    }
    const text = paragraph(desk, topic);
    body.push({ type: "paragraph", text });
    size += text.length;
    sinceSubhead += 1;
  }
  return { kicker, headline, subtitle, body };
}

/** Body lengths of a page's stories: the lead long, the second medium, the rest briefs. */
export function storyLength(random: Random, position: number): number {
  if (position === 1) return random.int(1200, 3000);
  if (position === 2) return random.int(600, 1500);
  return random.int(150, 700);
}
