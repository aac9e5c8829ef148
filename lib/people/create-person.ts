import type { Db } from "@/lib/db/client";
import type { BylineRole } from "@/lib/db/generated/enums";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import { isUniqueViolation } from "@/lib/staff/account-rules";
import { assertId } from "@/lib/validation/id";
import { accountTakenError, checkLinkableAccount, checkOrganisation, checkPersonName } from "./person-rules";
import { findDefaultPublication } from "@/lib/publications/default-publication";

/**
 * Adds a person who can sign stories (署名人): a staff member's own byline, or a
 * correspondent or intern without an account. Without a publication, the
 * default publication's list gets them.
 */
export async function createPerson(options: {
  db: Db;
  actor: Actor;
  name: string;
  role: BylineRole;
  organisation?: string | null;
  userId?: string | null;
  publicationId?: string;
  /** Defaults to active; an inactive person can be recorded for old bylines only. */
  active?: boolean;
}) {
  const { db, actor } = options;
  await assertCan({ db, actor, action: "people.manage", entityType: "person" });
  const name = checkPersonName(options.name);
  const organisation = checkOrganisation(options.organisation);
  const userId = options.userId ? assertLinkId(options.userId) : null;

  try {
    return await db.$transaction(async (tx) => {
      const publication = options.publicationId
        ? await tx.publication.findUnique({ where: { id: assertId(options.publicationId) }, select: { id: true } })
        : await findDefaultPublication(tx);
      if (!publication) throw new AppError("NOT_FOUND");
      await checkLinkableAccount(tx, userId);
      const person = await tx.person.create({ data: { publicationId: publication.id, name, role: options.role, organisation, userId, active: options.active ?? true } });
      await tx.auditLog.create({
        data: { actorId: actor.id, action: "person.create", entityType: "person", entityId: person.id, data: { name, role: person.role, organisation, userId, active: person.active } },
      });
      return person;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw accountTakenError(name);
    throw error;
  }
}

/** A malformed account id is bad input (it came from the form), not a missing page. */
export function assertLinkId(userId: string): string {
  try {
    return assertId(userId);
  } catch {
    throw new AppError("INVALID_INPUT", { "zh-CN": "所选员工账号不存在。", en: "The chosen staff account does not exist." });
  }
}
