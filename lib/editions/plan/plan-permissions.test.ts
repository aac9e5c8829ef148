import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { createMigratedDatabase } from "@/tests/helpers/database";
import { outcome, seedNewsroom, type Newsroom } from "@/tests/helpers/newsroom";
import { createEdition, loadNewEditionForm } from "./create-edition";
import { loadFlatPlan } from "./load-flat-plan";
import { addPage, movePage, removePage, renamePage, renumberSection, reorderPages } from "./page-operations";
import { continueStory, moveStory, placeStory, unplaceStory } from "./place-story";

// Every role × every planning command: editors and admins plan, reporters and
// photographers are refused (FORBIDDEN), the refusal changes nothing and leaves
// a permission.denied row in the audit log.

let db: Db;
let n: Newsroom;
let day = 0;

/** A date no other test of this file uses. */
const nextDate = () => new Date(Date.UTC(2031, 0, 1 + day++)).toISOString().slice(0, 10);

beforeAll(async () => {
  db = (await createMigratedDatabase()).db;
  n = await seedNewsroom(db);
  await db.pageName.createMany({
    data: [
      { publicationId: n.publicationId, name: "要闻", defaultNumber: "A01", position: 1 },
      { publicationId: n.publicationId, name: "综合", defaultNumber: "A02", position: 2 },
    ],
  });
});

const roles: Role[] = ["ADMIN", "EDITOR", "REPORTER", "PHOTOGRAPHER"];
const actorFor = (role: Role): Actor => ({ ADMIN: n.admin, EDITOR: n.editor, REPORTER: n.reporter, PHOTOGRAPHER: n.photographer })[role];

/** A fresh edition (要闻 A01, 综合 A02, 江海新闻 A05) on its own date. */
async function edition() {
  const date = nextDate();
  const created = await createEdition({ db, actor: n.admin, input: { date } });
  const pages = await db.page.findMany({ where: { editionId: created.id }, orderBy: { position: "asc" } });
  return { ...created, pages: pages.map((page) => page.id) };
}

async function story(plannedDate?: string) {
  const article = await db.article.create({
    data: { publicationId: n.publicationId, headline: "稿件", body: { type: "doc", content: [] }, plannedDate: plannedDate ? new Date(`${plannedDate}T00:00:00Z`) : null },
  });
  return article.id;
}

/** Everything a planning command may change. */
async function state() {
  const [editions, pages, placements] = await Promise.all([
    db.edition.findMany({ orderBy: { id: "asc" }, select: { id: true, date: true, issueNumber: true, status: true } }),
    db.page.findMany({ orderBy: { id: "asc" }, select: { id: true, number: true, name: true, position: true, pageNameId: true } }),
    db.placement.findMany({ orderBy: { id: "asc" }, select: { id: true, pageId: true, articleId: true, position: true, part: true } }),
  ]);
  return { editions, pages, placements };
}

type Case = { name: string; run: (actor: Actor) => Promise<() => Promise<unknown>> };

const cases: Case[] = [
  { name: "open the new-edition form", run: async (actor) => () => loadNewEditionForm({ db, actor }) },
  {
    name: "create an edition",
    run: async (actor) => {
      const date = nextDate();
      return () => createEdition({ db, actor, input: { date, issueNumber: 100 } });
    },
  },
  { name: "open the flat plan", run: async (actor) => { const e = await edition(); return () => loadFlatPlan({ db, actor, date: e.date }); } },
  { name: "add a page", run: async (actor) => { const e = await edition(); return () => addPage({ db, actor, editionId: e.id, name: "体育" }); } },
  { name: "remove a page", run: async (actor) => { const e = await edition(); return () => removePage({ db, actor, pageId: e.pages[1]! }); } },
  { name: "rename a page", run: async (actor) => { const e = await edition(); return () => renamePage({ db, actor, pageId: e.pages[1]!, name: "特刊" }); } },
  { name: "reorder pages", run: async (actor) => { const e = await edition(); return () => reorderPages({ db, actor, editionId: e.id, pageIds: [...e.pages].reverse() }); } },
  { name: "move a page down", run: async (actor) => { const e = await edition(); return () => movePage({ db, actor, pageId: e.pages[0]!, direction: "down" }); } },
  { name: "renumber a section", run: async (actor) => { const e = await edition(); return () => renumberSection({ db, actor, editionId: e.id, section: "A" }); } },
  { name: "place a story", run: async (actor) => { const e = await edition(); const id = await story(e.date); return () => placeStory({ db, actor, pageId: e.pages[0]!, articleId: id }); } },
  {
    name: "move a story to another page",
    run: async (actor) => {
      const e = await edition();
      const placed = await placeStory({ db, actor: n.editor, pageId: e.pages[0]!, articleId: await story() });
      return () => moveStory({ db, actor, placementId: placed.placementId, pageId: e.pages[2]!, position: 1 });
    },
  },
  {
    name: "continue a story (转版)",
    run: async (actor) => {
      const e = await edition();
      const id = await story();
      await placeStory({ db, actor: n.editor, pageId: e.pages[0]!, articleId: id });
      return () => continueStory({ db, actor, articleId: id, pageId: e.pages[2]! });
    },
  },
  {
    name: "take a story off its page",
    run: async (actor) => {
      const e = await edition();
      const placed = await placeStory({ db, actor: n.editor, pageId: e.pages[0]!, articleId: await story() });
      return () => unplaceStory({ db, actor, placementId: placed.placementId });
    },
  },
];

const allowed: Role[] = ["ADMIN", "EDITOR"];

describe.each(cases)("$name", ({ run }) => {
  it.each(roles)("as %s", async (role) => {
    const actor = actorFor(role);
    const call = await run(actor);
    const before = await state();
    const deniedBefore = await db.auditLog.count({ where: { action: "permission.denied", actorId: actor.id } });
    const result = await outcome(call());
    if (allowed.includes(role)) {
      expect(result).toBe("ok");
      return;
    }
    expect(result).toBe("FORBIDDEN");
    expect(await state()).toEqual(before);
    const denials = await db.auditLog.findMany({ where: { action: "permission.denied", actorId: actor.id }, orderBy: { createdAt: "desc" } });
    expect(denials).toHaveLength(deniedBefore + 1);
    expect(denials[0]?.data).toMatchObject({ attempted: "edition.plan", role });
  });
});
