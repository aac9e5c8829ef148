import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createMigratedDatabase, createTestStorage, demoDir } from "@/tests/helpers/database";
import type { DiskStorage } from "@/lib/storage/storage";
import { importEdition } from "./import-edition";
import { ManifestError } from "./read-manifest";

const demoEdition = path.join(demoDir, "editions", "2023-03-13");

/** A copy of the demo edition folder with its manifest changed by `edit`. */
async function editedFolder(edit: (manifest: Record<string, unknown> & { pages: Record<string, unknown>[] }) => void) {
  const folder = await mkdtemp(path.join(tmpdir(), "newsroom-manifest-"));
  await cp(demoEdition, folder, { recursive: true });
  const manifest = JSON.parse(await readFile(path.join(folder, "manifest.json"), "utf8"));
  edit(manifest);
  await writeFile(path.join(folder, "manifest.json"), JSON.stringify(manifest, null, 2));
  return folder;
}

async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(() => undefined, (reason: unknown) => reason);
  expect(error).toBeInstanceOf(ManifestError);
  return (error as ManifestError).problems;
}

describe("importEdition refuses a bad manifest whole", () => {
  let db: Db;
  let storage: DiskStorage;

  beforeAll(async () => {
    ({ db } = await createMigratedDatabase());
    storage = await createTestStorage();
    await db.publication.create({ data: { slug: "jmrb", name: "江门日报", isDefault: true } });
  });

  const cases: [string, (m: Record<string, unknown> & { pages: Record<string, unknown>[] }) => void, string][] = [
    ["an empty headline", (m) => ((m.pages[1]!.stories as Record<string, unknown>[])[0]!.headline = " "), "pages[1].stories[0].headline"],
    ["an impossible date", (m) => (m.date = "2023-02-30"), "date"],
    ["a duplicated page number", (m) => (m.pages[2]!.number = "A01"), "pages[2].number"],
    ["a missing file", (m) => (m.pages[4]!.pdf = "A99.pdf"), "pages[4].pdf"],
    ["a photo that is really a PDF", (m) => ((m.pages[4]!.stories as { photos: { file: string }[] }[])[3]!.photos[0]!.file = "A05.pdf"), "pages[4].stories[3].photos[0].file"],
    ["a file outside the folder", (m) => (m.pages[4]!.pdf = "../../etc/passwd"), "pages[4].pdf"],
  ];

  for (const [what, edit, field] of cases) {
    it(`names the field for ${what} and writes nothing`, async () => {
      const folder = await editedFolder(edit);
      const problems = await problemsOf(importEdition({ db, storage, folder }));
      expect(problems.join("\n")).toContain(field);
      expect(await db.edition.count()).toBe(0);
      expect(await db.article.count()).toBe(0);
      expect(await db.asset.count()).toBe(0);
    });
  }

  it("refuses a page PDF that cannot be rendered, naming the page, and writes nothing", async () => {
    const folder = await editedFolder(() => {});
    await writeFile(path.join(folder, "A05.pdf"), Buffer.from("%PDF-1.7\n% broken, no objects\n"));
    const problems = await problemsOf(importEdition({ db, storage, folder }));
    expect(problems.join("\n")).toContain("pages[4].pdf");
    expect(await db.asset.count()).toBe(0);
    expect(await db.edition.count()).toBe(0);
  });

  it("refuses a photo that cannot be decoded, naming its field, before anything is stored", async () => {
    const folder = await editedFolder(() => {});
    const jpeg = await readFile(path.join(folder, "a05-4-1.jpg"));
    await writeFile(path.join(folder, "a05-4-1.jpg"), jpeg.subarray(0, 2000));
    const problems = await problemsOf(importEdition({ db, storage, folder }));
    expect(problems.join("\n")).toContain("pages[4].stories[3].photos[0].file");
    expect(await db.asset.count()).toBe(0);
    expect(await db.edition.count()).toBe(0);
  });

  it("names the line of the field that is wrong", async () => {
    const folder = await editedFolder((m) => ((m.pages[1]!.stories as Record<string, unknown>[])[0]!.headline = " "));
    const text = await readFile(path.join(folder, "manifest.json"), "utf8");
    const line = text.split("\n").findIndex((row) => row.includes('"headline": " "')) + 1;
    const problems = await problemsOf(importEdition({ db, storage, folder }));
    expect(problems[0]).toMatch(new RegExp(`^第 ${line} 行 pages\\[1\\]\\.stories\\[0\\]\\.headline: `));
  });

  it("refuses a manifest that is not JSON", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "newsroom-manifest-"));
    await writeFile(path.join(folder, "manifest.json"), '{\n  "date": "2023-03-13",\n  not json\n}');
    const problems = await problemsOf(importEdition({ db, storage, folder }));
    expect(problems[0]).toContain("manifest.json 第 3 行");
  });

  it("says what is wrong in English too, zod's own messages and the schema's included", async () => {
    const englishOf = async (edit: Parameters<typeof editedFolder>[0]) => {
      const error = await importEdition({ db, storage, folder: await editedFolder(edit) }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ManifestError);
      expect((error as ManifestError).problems.every((line) => /[\u4e00-\u9fff]/.test(line))).toBe(true);
      return (error as ManifestError).problemsFor("en");
    };
    expect(await englishOf((m) => (m.issueNumber = "十七"))).toEqual([
      expect.stringMatching(/^line \d+ issueNumber: Invalid input: expected number, received string$/),
    ]);
    expect(await englishOf((m) => (m.pages[1]!.number = m.pages[0]!.number))).toEqual([
      expect.stringMatching(/^line \d+ pages\[1\]\.number: page number A\d+ is also pages\[0\]$/),
    ]);
  });
});

describe("importEdition", () => {
  it("imports an edition unpublished by default, and a second run changes nothing", async () => {
    const { db } = await createMigratedDatabase();
    const storage = await createTestStorage();
    await db.publication.create({ data: { slug: "jmrb", name: "江门日报", isDefault: true } });

    const first = await importEdition({ db, storage, folder: demoEdition });
    const second = await importEdition({ db, storage, folder: demoEdition });

    expect(first.articlesCreated).toBeGreaterThan(20);
    expect(second.articlesCreated).toBe(0);
    const edition = await db.edition.findFirstOrThrow({ include: { pages: true } });
    expect(edition.status).toBe("PLANNING");
    expect(edition.pages).toHaveLength(8);
    expect(await db.article.count({ where: { status: "PUBLISHED" } })).toBe(0);
    expect(await db.article.count()).toBe(first.articlesCreated);
    await db.$disconnect();
  });
});
