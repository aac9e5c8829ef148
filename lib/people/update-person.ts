import type { Db } from "@/lib/db/client";
import type { BylineRole } from "@/lib/db/generated/enums";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import { isUniqueViolation } from "@/lib/staff/account-rules";
import { assertId } from "@/lib/validation/id";
import { assertLinkId } from "./create-person";
import { accountTakenError, checkLinkableAccount, checkOrganisation, checkPersonName } from "./person-rules";

/**
 * Changes a person's name, role, organisation, account link or active flag.
 * Old bylines keep their printed `display` text: retiring or renaming someone
 * never rewrites what the paper printed.
 */
export async function updatePerson(options: {
  db: Db;
  actor: Actor;
  personId: string;
  name: string;
  role: BylineRole;
  organisation?: string | null;
  userId?: string | null;
  active: boolean;
  /** Moves the person to another publication's list; unchanged when absent. */
  publicationId?: string;
}) {
  const { db, actor, personId } = options;
  await assertCan({ db, actor, action: "people.manage", entityType: "person", entityId: personId });
  assertId(personId);
  const next = {
    name: checkPersonName(options.name),
    role: options.role,
    organisation: checkOrganisation(options.organisation),
    userId: options.userId ? assertLinkId(options.userId) : null,
    active: options.active,
  };
  const publicationId = options.publicationId ? assertPublicationId(options.publicationId) : undefined;

  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.person.findUnique({ where: { id: personId } });
      if (!current) throw new AppError("NOT_FOUND");
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of Object.keys(next) as (keyof typeof next)[]) {
        if (current[key] !== next[key]) changes[key] = { from: current[key], to: next[key] };
      }
      if (publicationId && publicationId !== current.publicationId) {
        if (!(await tx.publication.findUnique({ where: { id: publicationId }, select: { id: true } }))) throw unknownPublication();
        changes.publicationId = { from: current.publicationId, to: publicationId };
      }
      if (Object.keys(changes).length === 0) return current;
      if (changes.userId) await checkLinkableAccount(tx, next.userId, personId);
      const person = await tx.person.update({ where: { id: personId }, data: { ...next, ...(changes.publicationId ? { publicationId } : {}) } });
      await tx.auditLog.create({
        data: { actorId: actor.id, action: "person.update", entityType: "person", entityId: personId, data: { name: person.name, changes } as object },
      });
      return person;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw accountTakenError(next.name);
    throw error;
  }
}

const unknownPublication = () => new AppError("INVALID_INPUT", { "zh-CN": "所选报纸不存在。", en: "The chosen publication does not exist." });

function assertPublicationId(id: string): string {
  try {
    return assertId(id);
  } catch {
    throw unknownPublication();
  }
}
