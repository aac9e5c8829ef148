import { assertCan, type Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { preflightEdition } from "./preflight";
import { PreflightFailedError, publishEdition } from "./publish-edition";

/**
 * Schedules an edition (定时发布) to appear at `at`. Pre-flight must pass now, or
 * a reason to publish anyway is given and kept for the publish. The schedule
 * lives in the database, so it survives restarts (see runDueSchedules).
 */
export async function scheduleEdition(options: { db: Db; actor: Actor; editionId: string; at: Date; override?: string; now?: Date }) {
  const { db, actor, editionId, at } = options;
  await assertCan({ db, actor, action: "edition.publish", entityType: "edition", entityId: editionId });
  const now = options.now ?? new Date();
  if (!(at.getTime() > now.getTime())) throw new AppError("INVALID_INPUT", { "zh-CN": "定时发布的时间必须晚于现在。", en: "The scheduled time must be in the future." });
  const override = options.override?.trim() || undefined;
  return db.$transaction(async (tx) => {
    const edition = await tx.edition.findUnique({ where: { id: editionId }, select: { status: true } });
    if (!edition) throw new AppError("NOT_FOUND");
    if (edition.status === "PUBLISHED") throw new AppError("INVALID_STATE", { "zh-CN": "这一期已经发布了。", en: "This edition is already published." });
    const problems = await preflightEdition({ db: tx, editionId });
    if (problems.length > 0 && !override) throw new PreflightFailedError(problems);
    await tx.edition.update({ where: { id: editionId }, data: { status: "SCHEDULED", scheduledAt: at, scheduleError: null } });
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "edition.schedule", entityType: "edition", entityId: editionId, data: { at: at.toISOString(), ...(override ? { overrideReason: override } : {}) } },
    });
  });
}

/** Cancels a schedule; the edition goes back to planning. */
export async function unscheduleEdition(options: { db: Db; actor: Actor; editionId: string }) {
  const { db, actor, editionId } = options;
  await assertCan({ db, actor, action: "edition.publish", entityType: "edition", entityId: editionId });
  await db.$transaction(async (tx) => {
    const { count } = await tx.edition.updateMany({ where: { id: editionId, status: "SCHEDULED" }, data: { status: "PLANNING", scheduledAt: null } });
    if (count === 0) throw new AppError("INVALID_STATE", { "zh-CN": "这一期没有定时发布。", en: "This edition is not scheduled." });
    await tx.auditLog.create({ data: { actorId: actor.id, action: "edition.unschedule", entityType: "edition", entityId: editionId } });
  });
}

/**
 * Publishes every scheduled edition whose time has come, as the editor who
 * scheduled it. Each edition is claimed with a conditional update first, so two
 * server instances never publish it twice. A publish that fails puts the edition
 * back to planning with the reason in `scheduleError` (shown in the dashboard),
 * in the audit log and on the server's error output.
 */
export async function runDueSchedules(options: { db: Db; now?: Date; log?: (line: string) => void }) {
  const { db } = options;
  const now = options.now ?? new Date();
  const log = options.log ?? ((line: string) => console.error(line));
  const due = await db.edition.findMany({ where: { status: "SCHEDULED", scheduledAt: { lte: now } }, select: { id: true, date: true } });
  const results: { editionId: string; published: boolean; error?: string }[] = [];
  for (const edition of due) {
    const claimed = await db.edition.updateMany({ where: { id: edition.id, status: "SCHEDULED", scheduledAt: { lte: now } }, data: { status: "PLANNING" } });
    if (claimed.count === 0) continue;
    const schedule = await db.auditLog.findFirst({
      where: { entityType: "edition", entityId: edition.id, action: "edition.schedule" },
      orderBy: { createdAt: "desc" },
      select: { actorId: true, data: true, actor: { select: { role: true, disabled: true } } },
    });
    const date = edition.date.toISOString().slice(0, 10);
    try {
      if (!schedule?.actorId || !schedule.actor || schedule.actor.disabled) {
        throw new AppError("FORBIDDEN", { "zh-CN": "安排定时发布的账号已停用或不存在。", en: "The account that scheduled it is disabled or gone." });
      }
      const override = (schedule.data as { overrideReason?: string } | null)?.overrideReason;
      await publishEdition({ db, actor: { id: schedule.actorId, role: schedule.actor.role }, editionId: edition.id, override, now, via: "schedule" });
      results.push({ editionId: edition.id, published: true });
    } catch (error) {
      const message = error instanceof AppError ? error.messageFor("zh-CN") : "发布时出错，请查看服务器日志。";
      log(`\n!!! Scheduled publish of the ${date} edition FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
      await db.edition.update({ where: { id: edition.id }, data: { scheduleError: `定时发布失败（${now.toISOString()}）：${message}` } });
      await db.auditLog.create({ data: { action: "edition.schedule_failed", entityType: "edition", entityId: edition.id, data: { error: message } } });
      results.push({ editionId: edition.id, published: false, error: message });
    }
  }
  return results;
}
