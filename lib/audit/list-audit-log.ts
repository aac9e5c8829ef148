import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import { decodeAuditCursor, encodeAuditCursor, type AuditCursor } from "./audit-cursor";
import { startOfNextNewsroomDay, startOfNewsroomDay } from "@/lib/time/newsroom-time";
import { isId } from "@/lib/validation/id";

export interface AuditLogFilters {
  /** Exact action, e.g. "staff.disable". */
  action?: string;
  actorId?: string;
  /** First and last day (YYYY-MM-DD, Beijing time), both included. */
  from?: string;
  to?: string;
}

export const AUDIT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

/**
 * One page of the audit log, newest first, with cursors to the older and newer
 * pages. Keyset paging on (created_at, id): every page costs the same however
 * deep, and each filter walks one of the audit_logs indexes
 * (created_at desc; action, created_at desc; actor_id, created_at desc).
 */
export async function listAuditLog(options: {
  db: Db;
  actor: Actor;
  filters?: AuditLogFilters;
  /** Show entries older than this cursor (the "older" link)… */
  after?: string;
  /** …or newer than this one (the "newer" link). */
  before?: string;
  limit?: number;
}) {
  const { db, actor } = options;
  await assertCan({ db, actor, action: "audit.view", entityType: "audit_log" });
  const limit = Math.min(Math.max(1, Math.floor(options.limit ?? AUDIT_PAGE_SIZE)), MAX_PAGE_SIZE);
  const where = filterWhere(options.filters ?? {});
  const before = decodeAuditCursor(options.before);
  const after = before ? undefined : decodeAuditCursor(options.after);

  const rows = await db.auditLog.findMany({
    where: { AND: [where, before ? newerThan(before) : after ? olderThan(after) : {}] },
    orderBy: before ? [{ createdAt: "asc" }, { id: "asc" }] : [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    include: { actor: { select: { id: true, name: true, email: true } } },
  });
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (before) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  const hasNewer = before ? more : Boolean(after);
  const hasOlder = before ? true : more;

  return {
    entries: await withEntityNames(db, page),
    newerCursor: hasNewer && first ? encodeAuditCursor(first) : undefined,
    olderCursor: hasOlder && last ? encodeAuditCursor(last) : undefined,
  };
}

export type AuditLogPage = Awaited<ReturnType<typeof listAuditLog>>;
export type AuditLogEntry = AuditLogPage["entries"][number];

/** Everyone who can appear as an actor, for the filter. */
export async function listAuditActors(options: { db: Db; actor: Actor }) {
  const { db, actor } = options;
  await assertCan({ db, actor, action: "audit.view", entityType: "audit_log" });
  return db.user.findMany({ select: { id: true, name: true, email: true }, orderBy: [{ name: "asc" }, { email: "asc" }] });
}

function filterWhere(filters: AuditLogFilters): Prisma.AuditLogWhereInput {
  const where: Prisma.AuditLogWhereInput = {};
  const action = filters.action?.trim();
  if (action) where.action = action;
  if (filters.actorId) {
    if (!isId(filters.actorId)) throw new AppError("INVALID_INPUT", { "zh-CN": "所选操作人不存在。", en: "The chosen actor does not exist." });
    where.actorId = filters.actorId;
  }
  const from = filters.from ? startOfNewsroomDay(filters.from) : undefined;
  const to = filters.to ? startOfNextNewsroomDay(filters.to) : undefined;
  if (from && to && from >= to) {
    throw new AppError("INVALID_INPUT", { "zh-CN": "开始日期不能晚于结束日期。", en: "The start date must not be after the end date." });
  }
  if (from || to) where.createdAt = { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) };
  return where;
}

// (created_at, id) < cursor; the plain bound on created_at lets PostgreSQL seek in the index.
function olderThan(cursor: AuditCursor): Prisma.AuditLogWhereInput {
  return {
    createdAt: { lte: cursor.createdAt },
    OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }],
  };
}

function newerThan(cursor: AuditCursor): Prisma.AuditLogWhereInput {
  return {
    createdAt: { gte: cursor.createdAt },
    OR: [{ createdAt: { gt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { gt: cursor.id } }],
  };
}

type Row = Awaited<ReturnType<Db["auditLog"]["findMany"]>>[number] & { actor: { id: string; name: string; email: string } | null };

/** Names of the staff accounts, people and publications the page mentions (three small lookups, not one per row). */
async function withEntityNames(db: Db, rows: Row[]) {
  const ids = (type: string) => [...new Set(rows.filter((row) => row.entityType === type && row.entityId).map((row) => row.entityId!))].filter(isId);
  const [users, people, publications] = await Promise.all([
    db.user.findMany({ where: { id: { in: ids("user") } }, select: { id: true, name: true } }),
    db.person.findMany({ where: { id: { in: ids("person") } }, select: { id: true, name: true } }),
    db.publication.findMany({ where: { id: { in: ids("publication") } }, select: { id: true, name: true } }),
  ]);
  const names = new Map([...users, ...people, ...publications].map((entity) => [entity.id, entity.name]));
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt,
    action: row.action,
    actor: row.actor,
    entityType: row.entityType,
    entityId: row.entityId,
    entityName: row.entityId ? (names.get(row.entityId) ?? null) : null,
    data: row.data,
    ip: row.ip,
  }));
}


