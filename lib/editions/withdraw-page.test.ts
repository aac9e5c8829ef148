import { revalidateTag } from "next/cache";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { cacheTags } from "@/lib/reader/cache-tags";
import { findEditionView } from "@/lib/reader/find-edition-view";
import { neighbourPages } from "@/lib/reader/page-neighbours";
import { createMigratedDatabase, createTestStorage, demoDir } from "@/tests/helpers/database";
import { importEdition } from "./import-edition";
import { publishEdition, withdrawEdition } from "./publish-edition";
import { republishPage, withdrawPage } from "./withdraw-page";

let db: Db;
let publicationId: string;
let editionId: string;
const editor = { id: "", role: "EDITOR" as const };
const reporter = { id: "", role: "REPORTER" as const };
const pageId = (number: string) => db.page.findFirstOrThrow({ where: { editionId, number } }).then((page) => page.id);
/** How many stories of a page the reader's search finds (the index's visibility, kept in the same transaction). */
const searchableOn = async (number: string) =>
  (
    await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM article_search s
      JOIN placements p ON p.article_id = s.article_id JOIN pages g ON g.id = p.page_id
      WHERE g.edition_id = ${editionId}::uuid AND g.number = ${number} AND s.visible`
  )[0]!.n;
const visibleNumbers = async () => (await findEditionView(publicationId, "2023-03-12"))?.pages.map((page) => page.number);

beforeAll(async () => {
  const created = await createMigratedDatabase();
  db = created.db;
  process.env.DATABASE_URL = created.url;
  publicationId = (await db.publication.create({ data: { slug: "jmrb", name: "江门日报", isDefault: true } })).id;
  editor.id = (await db.user.create({ data: { email: "e@x.test", name: "编辑", role: "EDITOR", passwordHash: "x" } })).id;
  reporter.id = (await db.user.create({ data: { email: "r@x.test", name: "记者", role: "REPORTER", passwordHash: "x" } })).id;
  editionId = (await importEdition({ db, storage: await createTestStorage(), folder: path.join(demoDir, "editions", "2023-03-12") })).editionId;
  await db.article.updateMany({ data: { status: "READY" } });
  await publishEdition({ db, actor: editor, editionId, override: "测试" });
});

beforeEach(() => vi.mocked(revalidateTag).mockClear());

describe("withdrawing (撤版) one page", () => {
  it("is refused to a reporter, audited, and changes nothing", async () => {
    await expect(withdrawPage({ db, actor: reporter, pageId: await pageId("A02"), reason: "错误" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await visibleNumbers()).toEqual(["A01", "A02", "A03", "A04"]);
    expect(await db.auditLog.count({ where: { action: "permission.denied", actorId: reporter.id } })).toBe(1);
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it("needs a reason", async () => {
    const error = await withdrawPage({ db, actor: editor, pageId: await pageId("A02"), reason: "  " }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "INVALID_INPUT" });
    expect(await visibleNumbers()).toEqual(["A01", "A02", "A03", "A04"]);
  });

  it("takes only that page off the reader site; 上一版/下一版 skip it; the rest of the edition stays", async () => {
    const searchable = await searchableOn("A02");
    expect(searchable).toBeGreaterThan(0);
    expect(await withdrawPage({ db, actor: editor, pageId: await pageId("A02"), reason: "图片版权有误" })).toEqual({ number: "A02" });
    expect(await visibleNumbers()).toEqual(["A01", "A03", "A04"]);
    const edition = (await findEditionView(publicationId, "2023-03-12"))!;
    expect(neighbourPages(edition, "A01").next?.number).toBe("A03");
    expect(revalidateTag).toHaveBeenCalledWith(cacheTags.publication(publicationId), { expire: 0 });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "page.withdraw" } });
    expect(audit.data).toEqual({ number: "A02", reason: "图片版权有误" });
    // Its stories leave the reader's search with it (stories only on that page).
    expect(await searchableOn("A02")).toBe(0);
    expect(await searchableOn("A01")).toBeGreaterThan(0);
  });

  it("refuses to withdraw a page twice, and the last published page (withdraw the edition instead)", async () => {
    await expect(withdrawPage({ db, actor: editor, pageId: await pageId("A02"), reason: "再次" })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await withdrawPage({ db, actor: editor, pageId: await pageId("A03"), reason: "x" });
    await withdrawPage({ db, actor: editor, pageId: await pageId("A04"), reason: "x" });
    const error = await withdrawPage({ db, actor: editor, pageId: await pageId("A01"), reason: "x" }).catch((caught: unknown) => caught);
    expect((error as { messageFor(locale: string): string }).messageFor("zh-CN")).toBe("第A01版是这一期最后一个已发布的版面，请撤下整期。");
    expect(await visibleNumbers()).toEqual(["A01"]);
  });

  it("republishes a withdrawn page with its stories, and refuses a page that is not withdrawn", async () => {
    await expect(republishPage({ db, actor: reporter, pageId: await pageId("A03") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await republishPage({ db, actor: editor, pageId: await pageId("A03") })).toEqual({ number: "A03", live: true });
    expect(await visibleNumbers()).toEqual(["A01", "A03"]);
    expect((await findEditionView(publicationId, "2023-03-12"))!.pages[1]!.articles.length).toBeGreaterThan(0);
    expect(await searchableOn("A03")).toBeGreaterThan(0);
    expect(revalidateTag).toHaveBeenCalledWith(cacheTags.publication(publicationId), { expire: 0 });
    await expect(republishPage({ db, actor: editor, pageId: await pageId("A03") })).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("a page withdrawn on its own stays withdrawn when the edition is withdrawn and republished; brought back, it waits for its edition", async () => {
    await withdrawEdition({ db, actor: editor, editionId, reason: "重排" });
    await publishEdition({ db, actor: editor, editionId, override: "重新发布" });
    expect(await visibleNumbers()).toEqual(["A01", "A03"]);
    await withdrawEdition({ db, actor: editor, editionId, reason: "再改" });
    vi.mocked(revalidateTag).mockClear();
    expect(await republishPage({ db, actor: editor, pageId: await pageId("A04") })).toEqual({ number: "A04", live: false });
    expect((await db.page.findFirstOrThrow({ where: { editionId, number: "A04" } })).status).toBe("PLANNING");
    expect(revalidateTag).not.toHaveBeenCalled();
    await publishEdition({ db, actor: editor, editionId, override: "重新发布" });
    expect(await visibleNumbers()).toEqual(["A01", "A03", "A04"]);
  });
});
