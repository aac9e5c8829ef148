import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

// Rules shared by the planning commands: page numbers, the edition lock and
// what may change once an edition is published.

/** Section letter(s) and two digits, as printed: "A05", "B12", "AA01". */
export const PAGE_NUMBER = /^([A-Z]{1,2})(\d{2})$/;

/** The most pages one edition may have (a weekday paper has 8 to 28). */
export const MAX_PAGES = 64;

export const MAX_PAGE_NAME = 20;

/** The upper-cased, checked page number and its section; a clear INVALID_INPUT otherwise. */
export function parsePageNumber(input: string): { number: string; section: string } {
  const number = input.trim().toUpperCase();
  const match = PAGE_NUMBER.exec(number);
  if (!match || match[2] === "00") {
    throw new AppError("INVALID_INPUT", {
      "zh-CN": `版号“${input.trim()}”格式不对：应为版别字母加两位数字，例如 A05。`,
      en: `The page number “${input.trim()}” is not valid: use the section letter(s) and two digits, e.g. A05.`,
    });
  }
  return { number, section: match[1] ?? "" };
}

export function parsePageName(input: string): string {
  const name = input.trim();
  if (!name) throw new AppError("INVALID_INPUT", { "zh-CN": "请填写版名。", en: "Give the page a name." });
  if (name.length > MAX_PAGE_NAME) {
    throw new AppError("INVALID_INPUT", { "zh-CN": `版名最多 ${MAX_PAGE_NAME} 个字。`, en: `A page name has at most ${MAX_PAGE_NAME} characters.` });
  }
  return name;
}

/** "A" + 5 → "A05". */
export function pageNumberFor(section: string, index: number): string {
  return `${section}${String(index).padStart(2, "0")}`;
}

/** The first free number in `section` after the highest one used. */
export function nextFreeNumber(section: string, used: Iterable<string>): string {
  let highest = 0;
  for (const number of used) {
    const match = PAGE_NUMBER.exec(number);
    if (match && match[1] === section) highest = Math.max(highest, Number(match[2]));
  }
  if (highest >= 99) throw new AppError("INVALID_STATE", { "zh-CN": `${section} 叠已没有可用的版号。`, en: `Section ${section} has no page numbers left.` });
  return pageNumberFor(section, highest + 1);
}

const statusWords = {
  PUBLISHED: { "zh-CN": "已发布", en: "published" },
  WITHDRAWN: { "zh-CN": "已撤版", en: "withdrawn" },
  PLANNING: { "zh-CN": "策划中", en: "being planned" },
  SCHEDULED: { "zh-CN": "定时发布", en: "scheduled" },
} as const;

/**
 * Locks the edition row for the rest of the transaction (two editors planning
 * the same edition at once are serialised) and returns it. A published edition
 * cannot be re-planned: readers' page URLs and story URLs depend on its pages
 * and their order; withdraw it (撤版) first.
 */
export async function lockEditionForPlanning(tx: Tx, editionId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM editions WHERE id = ${editionId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new AppError("NOT_FOUND");
  const edition = await tx.edition.findUniqueOrThrow({ where: { id: editionId }, select: { id: true, publicationId: true, date: true, status: true } });
  if (edition.status === "PUBLISHED") {
    throw new AppError("INVALID_STATE", {
      "zh-CN": `这一期${statusWords.PUBLISHED["zh-CN"]}，读者正在看：不能再改版面或稿件位置。请先撤版再修改。`,
      en: "This edition is published and readers see it: its pages and story placements cannot change. Withdraw it first.",
    });
  }
  return edition;
}

/** The edition a page belongs to, locked (see lockEditionForPlanning). */
export async function lockEditionOfPage(tx: Tx, pageId: string) {
  const page = await tx.page.findUnique({ where: { id: pageId }, select: { editionId: true } });
  if (!page) throw new AppError("NOT_FOUND", { "zh-CN": "找不到这个版面，可能已被删除。请刷新页面。", en: "This page no longer exists. Reload the page." });
  return lockEditionForPlanning(tx, page.editionId);
}

/** Gives the pages their positions 1..n in the given order. */
export async function writePagePositions(tx: Tx, pageIds: string[]) {
  for (const [index, id] of pageIds.entries()) await tx.page.update({ where: { id }, data: { position: index + 1 } });
}

/** Gives the placements of a page their positions 1..n in the given order. */
export async function writePlacementPositions(tx: Tx, placementIds: string[]) {
  for (const [index, id] of placementIds.entries()) await tx.placement.update({ where: { id }, data: { position: index + 1 } });
}

/**
 * Renumbers an article's parts 1..k in their current order (after one was
 * removed). Two steps, so the (article, part) unique index never sees a duplicate.
 */
export async function compactParts(tx: Tx, articleId: string) {
  const parts = await tx.placement.findMany({ where: { articleId }, orderBy: { part: "asc" }, select: { id: true, part: true } });
  if (parts.every((placement, index) => placement.part === index + 1)) return;
  for (const placement of parts) await tx.placement.update({ where: { id: placement.id }, data: { part: -placement.part } });
  for (const [index, placement] of parts.entries()) await tx.placement.update({ where: { id: placement.id }, data: { part: index + 1 } });
}

export { isUniqueViolation } from "@/lib/db/unique-violation";
