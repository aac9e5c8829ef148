import type { Db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import { assertId } from "@/lib/validation/id";

const staffFields = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabled: true,
  lastSignInAt: true,
  createdAt: true,
  person: { select: { id: true, name: true } },
} as const;

/** Every staff account, active ones first (for the 员工 page). */
export async function listStaff(options: { db: Db; actor: Actor }) {
  const { db, actor } = options;
  await assertCan({ db, actor, action: "staff.manage", entityType: "user" });
  return db.user.findMany({ select: staffFields, orderBy: [{ disabled: "asc" }, { name: "asc" }, { email: "asc" }] });
}

export type StaffAccount = Awaited<ReturnType<typeof listStaff>>[number];

/** One staff account, for its management page. */
export async function getStaffAccount(options: { db: Db; actor: Actor; userId: string }) {
  const { db, actor, userId } = options;
  await assertCan({ db, actor, action: "staff.manage", entityType: "user", entityId: userId });
  const user = await db.user.findUnique({ where: { id: assertId(userId) }, select: staffFields });
  if (!user) throw new AppError("NOT_FOUND");
  return user;
}
