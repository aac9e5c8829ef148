import { z } from "zod";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import type { Db, Tx } from "@/lib/db/client";
import { editionDate, isoEditionDate } from "@/lib/time/edition-date";
import { AppError } from "@/lib/errors/app-error";
import { isUniqueViolation, MAX_PAGES, nextFreeNumber, PAGE_NUMBER, parsePageNumber } from "./plan-rules";
import { findDefaultPublication } from "@/lib/publications/default-publication";

/** The create form's input (shared by the form's server action). */
export const createEditionSchema = z.object({
  date: z.iso.date(),
  issueNumber: z.coerce.number().int().min(1).max(1_000_000).nullable().optional(),
  /** Standing pages to include, in any order; absent = every active one. */
  pageNameIds: z.array(z.uuid()).max(MAX_PAGES).optional(),
});
export type CreateEditionInput = z.input<typeof createEditionSchema>;

/** The publication editions are planned for: the default one (as for new stories). */
export async function defaultPublication(db: Db | Tx) {
  const publication = await findDefaultPublication(db);
  if (!publication) throw new AppError("INVALID_STATE", { "zh-CN": "还没有设置报纸，不能策划版面。", en: "No publication is set up yet." });
  return publication;
}

/** What the "新建一期" form offers: the standing page list and a suggested issue number. */
export async function loadNewEditionForm(options: { db: Db; actor: Actor }) {
  const { db, actor } = options;
  await assertCan({ db, actor, action: "edition.plan", entityType: "edition" });
  const publication = await defaultPublication(db);
  const [pageNames, latest] = await Promise.all([
    db.pageName.findMany({ where: { publicationId: publication.id }, orderBy: { position: "asc" }, select: { id: true, name: true, defaultNumber: true, active: true } }),
    db.edition.findFirst({ where: { publicationId: publication.id, issueNumber: { not: null } }, orderBy: { date: "desc" }, select: { date: true, issueNumber: true } }),
  ]);
  return {
    publication,
    pageNames,
    suggestedIssueNumber: latest?.issueNumber ? latest.issueNumber + 1 : null,
    latestDate: latest ? isoEditionDate(latest.date) : null,
  };
}

/**
 * Creates an edition (状态：策划中) for a date from the publication's standing
 * page list: the chosen page names (default: every active one) in their standing
 * order, each with its usual number; a page name without a usable number gets
 * the next free one in its section (or A). A second edition for the same date
 * is refused with a message naming it; nothing is written.
 */
export async function createEdition(options: { db: Db; actor: Actor; input: CreateEditionInput }) {
  const { db, actor } = options;
  await assertCan({ db, actor, action: "edition.plan", entityType: "edition" });
  const parsed = createEditionSchema.safeParse(options.input);
  if (!parsed.success) throw new AppError("INVALID_INPUT");
  const { issueNumber = null, pageNameIds } = parsed.data;
  let date: Date;
  try {
    date = editionDate(parsed.data.date);
  } catch {
    throw new AppError("INVALID_INPUT", { "zh-CN": "日期不对，请用 年-月-日 格式。", en: "The date is not valid (use YYYY-MM-DD)." });
  }
  const iso = isoEditionDate(date);
  const duplicate = new AppError("CONFLICT", { "zh-CN": `${iso} 这一期已经存在，不能重复创建。`, en: `The edition of ${iso} already exists.` });

  try {
    return await db.$transaction(async (tx) => {
      const publication = await defaultPublication(tx);
      if (await tx.edition.findUnique({ where: { publicationId_date: { publicationId: publication.id, date } }, select: { id: true } })) throw duplicate;
      const standing = await tx.pageName.findMany({
        where: { publicationId: publication.id, ...(pageNameIds ? { id: { in: pageNameIds } } : { active: true }) },
        orderBy: { position: "asc" },
        select: { id: true, name: true, defaultNumber: true },
      });
      if (pageNameIds && standing.length !== new Set(pageNameIds).size) {
        throw new AppError("INVALID_INPUT", { "zh-CN": "选中的版名有的已不存在，请刷新页面。", en: "Some of the chosen page names no longer exist. Reload the page." });
      }
      if (standing.length === 0) throw new AppError("INVALID_INPUT", { "zh-CN": "请至少选择一个版面。", en: "Choose at least one page." });

      const used = new Set<string>();
      const pages = standing.map((pageName, index) => {
        const wanted = pageName.defaultNumber?.trim().toUpperCase() ?? "";
        const number = PAGE_NUMBER.test(wanted) && !used.has(wanted) ? wanted : nextFreeNumber(PAGE_NUMBER.exec(wanted)?.[1] ?? "A", used);
        used.add(number);
        return { number, section: parsePageNumber(number).section, position: index + 1, name: pageName.name, pageNameId: pageName.id };
      });

      const edition = await tx.edition.create({
        data: { publicationId: publication.id, date, issueNumber, pages: { create: pages } },
        select: { id: true, date: true, issueNumber: true },
      });
      await tx.auditLog.create({
        data: { actorId: actor.id, action: "edition.create", entityType: "edition", entityId: edition.id, data: { date: iso, issueNumber, pages: pages.map((page) => `${page.number} ${page.name}`) } },
      });
      return { id: edition.id, date: iso, issueNumber: edition.issueNumber, pages: pages.length };
    });
  } catch (error) {
    // Two editors creating the same date at once: the unique index decides.
    if (isUniqueViolation(error)) throw duplicate;
    throw error;
  }
}
