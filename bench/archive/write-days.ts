import pg from "pg";
import { bodyFromBlocks, bodyPlainText, countWords } from "@/lib/articles/body";
import { formatByline } from "@/lib/people/byline";
import { searchRow } from "@/lib/search/index-article";
import type { PlantedStory } from "./planted";
import { randomFrom, type Random } from "./random";
import { PAGE_PLAN } from "./vocabulary";
import { storyLength, topicNamed, writeArticle, type WrittenArticle } from "./write-article";

// Writes the editions of some days into the archive database: pages, stories,
// placements, bylines, and each story's search row computed by the app's own
// searchRow (the same segmentation and tsvector as a published story gets),
// inserted in multi-row statements, a few days per transaction. Each worker
// thread of the generator runs this for its share of the days.

export interface DaysJob {
  url: string;
  seed: string;
  publicationId: string;
  dates: string[];
  /** Issue number (总第…期) of each date. */
  issues: Record<string, number>;
  pageNameIds: Record<string, string>;
  people: { id: string; name: string; role: "REPORTER" | "CORRESPONDENT" }[];
  planted: (PlantedStory & { date: string })[];
  corpus: string[];
}

type IndexedArticle = Parameters<typeof searchRow>[0];

/** A time-ordered UUID (version 7) for a moment, the random part from the seeded generator. */
function uuid7(random: Random, at: number): string {
  const hex = (value: number, digits: number) => Math.floor(value).toString(16).padStart(digits, "0");
  const time = hex(at, 12);
  const rand = () => hex(random.next() * 0x10000, 4);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${rand().slice(1)}-${hex(0x8000 + random.next() * 0x4000, 4)}-${rand()}${rand()}${rand()}`;
}

interface DayRows {
  editions: unknown[];
  pages: unknown[];
  articles: unknown[];
  placements: unknown[];
  bylines: unknown[];
  search: ReturnType<typeof searchRow>[];
}

/** The pages of a day: more on weekdays, the standing pages first, then `required` ones, numbered per section. */
function pagesOf(random: Random, date: string, required: readonly string[]): { name: string; section: string; number: string }[] {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const count = weekday === 0 || weekday === 6 ? random.int(8, 12) : random.int(16, 28);
  const standing = PAGE_PLAN.slice(0, 7);
  const needed = PAGE_PLAN.filter((plan) => required.includes(plan.name) && !standing.includes(plan));
  const others = PAGE_PLAN.slice(7).filter((plan) => !needed.includes(plan) && random.chance(0.8));
  const chosen = [...standing, ...needed, ...others].slice(0, Math.max(count, standing.length + needed.length));
  while (chosen.length < count) chosen.push(random.any(PAGE_PLAN.slice(7)));
  chosen.sort((a, b) => a.section.localeCompare(b.section));
  const perSection = new Map<string, number>();
  return chosen.map((plan) => {
    const n = (perSection.get(plan.section) ?? 0) + 1;
    perSection.set(plan.section, n);
    return { name: plan.name, section: plan.section, number: `${plan.section}${String(n).padStart(2, "0")}` };
  });
}

function writeDay(job: DaysJob, date: string, rows: DayRows): number {
  const random = randomFrom(`${job.seed}:${date}`);
  const year = Number(date.slice(0, 4));
  // Published at 05:00 in Jiangmen (UTC+8) on the paper's date.
  const publishedAt = Date.parse(`${date}T05:00:00+08:00`);
  const stamp = new Date(publishedAt).toISOString();
  const editionDate = new Date(`${date}T00:00:00Z`);
  const editionId = uuid7(random, publishedAt);
  rows.editions.push({ id: editionId, publication_id: job.publicationId, date, issue_number: job.issues[date], published_at: stamp });
  const reporters = job.people.filter((person) => person.role === "REPORTER");
  const correspondents = job.people.filter((person) => person.role === "CORRESPONDENT");
  const plantedToday = job.planted.filter((story) => story.date === date);
  let articles = 0;

  pagesOf(random, date, plantedToday.map((story) => story.pageName)).forEach((page, pageIndex) => {
    const pageId = uuid7(random, publishedAt);
    rows.pages.push({ id: pageId, edition_id: editionId, number: page.number, section: page.section, position: pageIndex + 1, name: page.name, page_name_id: job.pageNameIds[page.name], updated_at: stamp });
    const plan = PAGE_PLAN.find((entry) => entry.name === page.name)!;
    const planted = plantedToday.filter((story) => story.pageName === page.name);
    // A planted story may not be placed twice when its page name comes up twice in a day.
    for (const story of planted) plantedToday.splice(plantedToday.indexOf(story), 1);
    const stories = page.number === "A01" ? random.int(4, 7) : random.int(4, 11);
    for (let position = 1; position <= stories + planted.length; position += 1) {
      const story = planted[position - 1];
      const desk = { random, year, district: plan.district, corpus: job.corpus };
      let written: WrittenArticle;
      if (story) {
        const filler = writeArticle(desk, topicNamed(story.topic), random.int(300, 900));
        written = {
          kicker: story.kicker ?? null,
          headline: story.headline,
          subtitle: null,
          body: [...story.paragraphs.map((text) => ({ type: "paragraph" as const, text })), ...filler.body.filter((block) => block.type === "paragraph")],
        };
      } else {
        written = writeArticle(desk, topicNamed(random.any(plan.topics)), storyLength(random, position));
      }
      const articleId = uuid7(random, publishedAt);
      const body = bodyFromBlocks(written.body);
      rows.articles.push({
        id: articleId,
        publication_id: job.publicationId,
        external_id: story?.key ?? null,
        kicker: written.kicker,
        headline: written.headline,
        subtitle: written.subtitle,
        body,
        status: "PUBLISHED",
        word_count: countWords(bodyPlainText(body)),
        published_at: stamp,
        updated_at: stamp,
      });
      rows.placements.push({ id: uuid7(random, publishedAt), article_id: articleId, page_id: pageId, position, part: 1 });

      const bylines: IndexedArticle["bylines"] = [];
      if (story || position <= 4 || random.chance(0.7)) {
        const reporter = random.skewed(reporters);
        const team = [{ person: reporter, organisation: "江门日报" as string | null }];
        if (random.chance(0.35)) team.push({ person: random.any(correspondents), organisation: null });
        team.forEach(({ person, organisation }, index) => {
          const display = formatByline({ name: person.name, role: person.role, organisation });
          rows.bylines.push({ id: uuid7(random, publishedAt), article_id: articleId, person_id: person.id, name: person.name, role: person.role, organisation, display, position: index });
          bylines.push({ personId: person.id, name: person.name, display });
        });
      }
      const indexed: IndexedArticle = {
        id: articleId,
        publicationId: job.publicationId,
        kicker: written.kicker,
        headline: written.headline,
        subtitle: written.subtitle,
        summary: null,
        body,
        status: "PUBLISHED",
        updatedAt: new Date(publishedAt),
        plannedDate: null,
        plannedPageName: null,
        bylines,
        photos: [],
        placements: [{ page: { name: page.name, status: "PUBLISHED", edition: { date: editionDate, status: "PUBLISHED" } } }],
      };
      rows.search.push(searchRow(indexed));
      articles += 1;
    }
  });
  return articles;
}

async function insertRows(client: pg.Client, rows: DayRows): Promise<void> {
  const insert = (sql: string, values: unknown[]) => client.query(sql, [JSON.stringify(values)]);
  await client.query("BEGIN");
  await insert(
    `INSERT INTO editions (id, publication_id, date, issue_number, status, published_at, updated_at)
     SELECT id, publication_id, date, issue_number, 'PUBLISHED', published_at, published_at
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, publication_id uuid, date date, issue_number int, published_at timestamptz)`,
    rows.editions,
  );
  await insert(
    `INSERT INTO pages (id, edition_id, number, section, position, name, page_name_id, status, updated_at)
     SELECT id, edition_id, number, section, position, name, page_name_id, 'PUBLISHED', updated_at
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, edition_id uuid, number text, section text, position int, name text, page_name_id uuid, updated_at timestamptz)`,
    rows.pages,
  );
  await insert(
    `INSERT INTO articles (id, publication_id, external_id, kicker, headline, subtitle, body, status, word_count, published_at, created_at, updated_at)
     SELECT id, publication_id, external_id, kicker, headline, subtitle, body, 'PUBLISHED', word_count, published_at, published_at, updated_at
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, publication_id uuid, external_id text, kicker text, headline text, subtitle text, body jsonb, word_count int, published_at timestamptz, updated_at timestamptz)`,
    rows.articles,
  );
  await insert(
    `INSERT INTO placements (id, article_id, page_id, position, part)
     SELECT id, article_id, page_id, position, part FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, article_id uuid, page_id uuid, position int, part int)`,
    rows.placements,
  );
  await insert(
    `INSERT INTO bylines (id, article_id, person_id, name, role, organisation, display, position)
     SELECT id, article_id, person_id, name, role::byline_role, organisation, display, position
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, article_id uuid, person_id uuid, name text, role text, organisation text, display text, position int)`,
    rows.bylines,
  );
  // The same statement shape as reindexArticles (lib/search/index-article.ts), without the upsert.
  await insert(
    `INSERT INTO article_search (article_id, publication_id, document, visible, status, edition_date, page_names, byline_person_ids, byline_names, updated_at, segmenter_version)
     SELECT article_id, publication_id, document::tsvector, visible, status::article_status, edition_date, page_names, byline_person_ids, byline_names, updated_at, segmenter_version
     FROM jsonb_to_recordset($1::jsonb) AS r(
       article_id uuid, publication_id uuid, document text, visible boolean, status text, edition_date date,
       page_names text[], byline_person_ids uuid[], byline_names text[], updated_at timestamptz, segmenter_version int)`,
    rows.search,
  );
  await client.query("COMMIT");
}

/** Days per transaction (about 400 stories). */
const DAYS_PER_BATCH = 3;

/** Writes the job's days; `progress` is told the stories written after each batch. */
export async function writeDays(job: DaysJob, progress: (articles: number) => void): Promise<void> {
  const client = new pg.Client({ connectionString: job.url });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off");
    for (let start = 0; start < job.dates.length; start += DAYS_PER_BATCH) {
      const rows: DayRows = { editions: [], pages: [], articles: [], placements: [], bylines: [], search: [] };
      let articles = 0;
      for (const date of job.dates.slice(start, start + DAYS_PER_BATCH)) articles += writeDay(job, date, rows);
      await insertRows(client, rows);
      progress(articles);
    }
  } finally {
    await client.end();
  }
}
