import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { prepareDatabase } from "@/lib/db/prepare-database";
import { bodyFromBlocks } from "@/lib/articles/body";
import { verifyPassword } from "@/lib/auth/password";
import { editionDate } from "@/lib/time/edition-date";
import type { DiskStorage } from "@/lib/storage/storage";
import { createDbClient } from "@/lib/db/client";
import { createTestDatabase, createTestStorage, demoDir, projectRoot } from "@/tests/helpers/database";
import { demoAccounts } from "./demo-accounts";
import { seedDemo } from "./seed-demo";

interface FixtureArticle {
  order: number;
  kicker?: string;
  headline: string;
  photos?: { caption: string; credit: string; photographer: string }[];
  byline?: { display: string; role: string; name: string; organisation: string };
  body?: { type: "paragraph" | "subhead"; text: string }[];
}

const fixture = JSON.parse(
  await readFile(path.join(projectRoot, "tests", "fixtures", "jmrb-2023-03-13-A05.json"), "utf8"),
) as {
  publication: { name: string; footer: Record<string, string> };
  edition: { pages: { number: string; name: string; articles: FixtureArticle[] }[] };
};

async function counts(db: Db) {
  return {
    publications: await db.publication.count(),
    editions: await db.edition.count(),
    pages: await db.page.count(),
    articles: await db.article.count(),
    placements: await db.placement.count(),
    people: await db.person.count(),
    bylines: await db.byline.count(),
    photos: await db.photo.count(),
    assets: await db.asset.count(),
    users: await db.user.count(),
  };
}

describe("the demo newsroom", () => {
  let db: Db;
  let storage: DiskStorage;
  const logs: string[] = [];

  beforeAll(async () => {
    const url = await createTestDatabase();
    storage = await createTestStorage();
    await prepareDatabase({ connectionString: url, storage, seedDemoData: true, root: projectRoot, log: (line) => logs.push(line) });
    db = createDbClient(url);
  });

  it("has the publication 江门日报 with the seed page's footer", async () => {
    const publication = await db.publication.findUniqueOrThrow({ where: { slug: "jmrb" } });
    expect(publication.name).toBe(fixture.publication.name);
    expect(publication.isDefault).toBe(true);
    expect({
      copyright: publication.footerCopyright,
      publisher: publication.footerPublisher,
      maintainer: publication.footerMaintainer,
      phone: publication.footerPhone,
      icp: publication.footerIcp,
      license: publication.footerLicense,
    }).toEqual(fixture.publication.footer);
  });

  it("plans tomorrow's paper (2023-03-14) with its stories ready, unpublished", async () => {
    const planned = await db.edition.findFirstOrThrow({
      where: { date: editionDate("2023-03-14") },
      include: { pages: { include: { placements: { include: { article: true } } } } },
    });
    expect(planned.status).toBe("PLANNING");
    const stories = planned.pages.flatMap((page) => page.placements.map((placement) => placement.article));
    expect(stories.length).toBeGreaterThan(0);
    expect(stories.every((story) => story.status === "READY")).toBe(true);
  });

  it("publishes 2023-03-13 with pages A01–A08 and an earlier edition for 上一期", async () => {
    const editions = await db.edition.findMany({
      where: { status: "PUBLISHED" },
      orderBy: { date: "asc" },
      include: { pages: { orderBy: { position: "asc" } } },
    });
    expect(editions.map((edition) => edition.status)).toEqual(["PUBLISHED", "PUBLISHED"]);
    expect(editions[0]!.date.getTime()).toBeLessThan(editionDate("2023-03-13").getTime());
    const current = editions[1]!;
    expect(current.date).toEqual(editionDate("2023-03-13"));
    expect(current.pages.map((page) => page.number)).toEqual(["A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08"]);
    expect(current.pages.every((page) => page.status === "PUBLISHED")).toBe(true);
  });

  it("makes A05 exactly the seed page: six articles in page order, the fourth in full", async () => {
    const seedPage = fixture.edition.pages[0]!;
    const page = await db.page.findFirstOrThrow({
      where: { number: "A05", edition: { date: editionDate("2023-03-13") } },
      include: {
        pdfAsset: true,
        placements: {
          orderBy: { position: "asc" },
          include: {
            article: {
              include: {
                bylines: { orderBy: { position: "asc" } },
                photos: { orderBy: { position: "asc" }, include: { photo: { include: { asset: true, photographer: true } } } },
              },
            },
          },
        },
      },
    });
    expect(page.name).toBe(seedPage.name);
    expect(page.pdfAsset?.mimeType).toBe("application/pdf");
    expect(await storage.exists(page.pdfAsset!.storageKey)).toBe(true);
    expect(page.placements.map((placement) => placement.article.headline)).toEqual(
      seedPage.articles.map((article) => article.headline),
    );

    const expected = seedPage.articles[3]!;
    const article = page.placements[3]!.article;
    expect(article.status).toBe("PUBLISHED");
    expect(article.kicker).toBe(expected.kicker);
    expect(article.body).toEqual(bodyFromBlocks(expected.body!));
    expect(article.bylines.map((byline) => [byline.display, byline.name, byline.role, byline.organisation])).toEqual([
      [expected.byline!.display, expected.byline!.name, "REPORTER", expected.byline!.organisation],
    ]);
    const [photo] = article.photos;
    expect(photo?.photo.caption).toBe(expected.photos![0]!.caption);
    expect(photo?.photo.credit).toBe(expected.photos![0]!.credit);
    expect(photo?.photo.photographer?.name).toBe(expected.photos![0]!.photographer);
    expect(photo?.photo.altText).toBeTruthy();
    expect(photo?.photo.asset.width).toBeGreaterThan(0);
    expect(photo?.photo.asset.height).toBeGreaterThan(0);
  });

  it("reads a story continued on another page (转版) as one article placed on both", async () => {
    const continued = await db.article.findMany({
      where: { placements: { some: { part: 2 } } },
      include: { placements: { include: { page: true }, orderBy: { part: "asc" } } },
    });
    expect(continued.length).toBeGreaterThan(0);
    for (const article of continued) {
      expect(article.placements.map((placement) => placement.part)).toEqual([1, 2]);
      expect(article.placements[0]!.page.number).not.toBe(article.placements[1]!.page.number);
    }
  });

  it("gives every published article a byline and a word count", async () => {
    const articles = await db.article.findMany({ include: { _count: { select: { bylines: true } } } });
    for (const article of articles) {
      expect(article._count.bylines, article.headline).toBeGreaterThan(0);
      expect(article.wordCount, article.headline).toBeGreaterThan(10);
    }
  });

  it("creates the demo editor and reporter with their documented passwords", async () => {
    for (const account of demoAccounts) {
      const user = await db.user.findUniqueOrThrow({ where: { email: account.email }, omit: { passwordHash: false } });
      expect(user.role).toBe(account.role);
      expect(await verifyPassword(user.passwordHash, account.password)).toBe(true);
    }
    const reporter = await db.person.findFirstOrThrow({ where: { user: { email: "reporter@example.com" } } });
    expect(reporter.name).toBe("何榕");
  });

  it("creates an admin with a generated password, printed once", async () => {
    const line = logs.find((entry) => entry.includes("password:"));
    const password = line?.match(/password: (\S+)/)?.[1];
    expect(password).toBeTruthy();
    const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" }, omit: { passwordHash: false } });
    expect(await verifyPassword(admin.passwordHash, password!)).toBe(true);
  });

  it("changes nothing when run again", async () => {
    const before = await counts(db);
    await seedDemo({ db, storage, demoDir });
    expect(await counts(db)).toEqual(before);
  });
});

describe("prepareDatabase on a later start", () => {
  it("creates the admin from ADMIN_EMAIL and ADMIN_PASSWORD, once, and seeds nothing when asked not to", async () => {
    const url = await createTestDatabase();
    const storage = await createTestStorage();
    const logs: string[] = [];
    const options = {
      connectionString: url,
      storage,
      seedDemoData: false,
      adminEmail: "Chief@Example.com",
      adminPassword: "a-long-admin-password",
      root: projectRoot,
      log: (line: string) => logs.push(line),
    };
    await prepareDatabase(options);
    await prepareDatabase({ ...options, adminPassword: "another-password-123" });

    const db = createDbClient(url);
    const admins = await db.user.findMany({ where: { role: "ADMIN" }, omit: { passwordHash: false } });
    expect(admins).toHaveLength(1);
    expect(admins[0]!.email).toBe("chief@example.com");
    expect(await verifyPassword(admins[0]!.passwordHash, "a-long-admin-password")).toBe(true);
    expect(logs.join("\n")).not.toContain("a-long-admin-password");
    expect(await db.publication.count()).toBe(0);
    await db.$disconnect();
  });
});
