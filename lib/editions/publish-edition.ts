import type { Db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import { isoEditionDate } from "@/lib/time/edition-date";
import { publishReaderChange } from "@/lib/reader-files/publish-reader-change";
import { reindexEditionArticles } from "@/lib/search/index-article";
import { preflightEdition, type PreflightProblem } from "./preflight";

/** Pre-flight found problems and no reason to publish anyway was given. */
export class PreflightFailedError extends AppError {
  constructor(readonly problems: PreflightProblem[]) {
    super("INVALID_STATE", {
      "zh-CN": `发布前检查发现 ${problems.length} 个问题。请先处理，或填写原因后仍要发布。`,
      en: `Pre-flight found ${problems.length} problem(s). Fix them, or give a reason to publish anyway.`,
    });
  }
}

/**
 * Publishes an edition: the edition, its pages and the stories placed on them
 * that are ready (待发) become published in one transaction, so readers never
 * see half an edition; then the reader cache of the publication is revalidated.
 * Pre-flight runs inside the same transaction: with problems, it is refused
 * unless `override` gives the reason to publish anyway (kept in the audit log).
 */
export async function publishEdition(options: { db: Db; actor: Actor; editionId: string; override?: string; now?: Date; via?: string }) {
  const { db, actor, editionId } = options;
  const override = options.override?.trim() || undefined;
  const now = options.now ?? new Date();
  await assertCan({ db, actor, action: "edition.publish", entityType: "edition", entityId: editionId });

  const edition = await db.$transaction(async (tx) => {
    const current = await tx.edition.findUnique({ where: { id: editionId } });
    if (!current) throw new AppError("NOT_FOUND");
    const problems = await preflightEdition({ db: tx, editionId });
    if (problems.length > 0 && !override) throw new PreflightFailedError(problems);
    const pages = await tx.page.findMany({ where: { editionId, status: { not: "WITHDRAWN" } }, select: { id: true } });
    if (pages.length === 0) throw new AppError("INVALID_STATE", { "zh-CN": "这一期还没有版面，不能发布。", en: "This edition has no pages to publish." });
    const pageIds = pages.map((page) => page.id);
    await tx.page.updateMany({ where: { id: { in: pageIds } }, data: { status: "PUBLISHED" } });
    const articles = await tx.article.updateMany({
      where: { status: "READY", placements: { some: { pageId: { in: pageIds } } } },
      data: { status: "PUBLISHED", publishedAt: now, publishedById: actor.id },
    });
    const updated = await tx.edition.update({
      where: { id: editionId },
      data: {
        status: "PUBLISHED",
        // The first publication time stays; a republish after a withdrawal keeps it.
        publishedAt: current.publishedAt ?? now,
        publishedById: current.publishedById ?? actor.id,
        withdrawnAt: null,
        scheduledAt: null,
        scheduleError: null,
      },
    });
    await reindexEditionArticles(tx, editionId);
    await tx.auditLog.create({
      data: {
        actorId: actor.id,
        action: "edition.publish",
        entityType: "edition",
        entityId: editionId,
        data: {
          pages: pageIds.length,
          articlesPublished: articles.count,
          ...(problems.length ? { overrideReason: override, problems: problems.map((problem) => problem["zh-CN"]) } : {}),
          ...(options.via ? { via: options.via } : {}),
        },
      },
    });
    return updated;
  });
  await publishReaderChange({ kind: "edition", publicationId: edition.publicationId, date: isoEditionDate(edition.date) });
  return edition;
}

/** Withdraws (撤版) a published edition: readers no longer see any of it. */
export async function withdrawEdition(options: { db: Db; actor: Actor; editionId: string; reason: string; now?: Date }) {
  const { db, actor, editionId } = options;
  await assertCan({ db, actor, action: "edition.withdraw", entityType: "edition", entityId: editionId });
  const reason = options.reason.trim();
  if (!reason) throw new AppError("INVALID_INPUT", { "zh-CN": "请填写撤版原因。", en: "Give a reason for the withdrawal." });

  const edition = await db.$transaction(async (tx) => {
    const current = await tx.edition.findUnique({ where: { id: editionId } });
    if (!current) throw new AppError("NOT_FOUND");
    if (current.status !== "PUBLISHED") throw new AppError("INVALID_STATE", { "zh-CN": "只能撤下已发布的一期。", en: "Only a published edition can be withdrawn." });
    const updated = await tx.edition.update({ where: { id: editionId }, data: { status: "WITHDRAWN", withdrawnAt: options.now ?? new Date() } });
    // Its stories leave the reader's search when the withdrawal commits, not later.
    await reindexEditionArticles(tx, editionId);
    await tx.auditLog.create({ data: { actorId: actor.id, action: "edition.withdraw", entityType: "edition", entityId: editionId, data: { reason } } });
    return updated;
  });
  await publishReaderChange({ kind: "edition", publicationId: edition.publicationId, date: isoEditionDate(edition.date) });
  return edition;
}
