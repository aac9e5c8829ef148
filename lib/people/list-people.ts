import type { Db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import { assertId } from "@/lib/validation/id";

const personFields = {
  id: true,
  name: true,
  role: true,
  organisation: true,
  active: true,
  userId: true,
  publication: { select: { id: true, name: true } },
  user: { select: { id: true, name: true, email: true, disabled: true } },
} as const;

/**
 * Everyone who can sign stories, active first, with what the people page needs
 * to link them: the publications and the staff accounts.
 */
export async function listPeople(options: { db: Db; actor: Actor }) {
  const { db, actor } = options;
  await assertCan({ db, actor, action: "people.manage", entityType: "person" });
  const [people, publications, accounts] = await Promise.all([
    db.person.findMany({ select: personFields, orderBy: [{ active: "desc" }, { name: "asc" }] }),
    db.publication.findMany({ select: { id: true, name: true, isDefault: true }, orderBy: [{ isDefault: "desc" }, { name: "asc" }] }),
    db.user.findMany({ select: { id: true, name: true, email: true, person: { select: { id: true } } }, orderBy: { name: "asc" } }),
  ]);
  return { people, publications, accounts };
}

export type PersonRow = Awaited<ReturnType<typeof listPeople>>["people"][number];
export type LinkableAccount = Awaited<ReturnType<typeof listPeople>>["accounts"][number];

/** One person, with the accounts and publications it could be linked to, for its edit page. */
export async function getPerson(options: { db: Db; actor: Actor; personId: string }) {
  const { db, actor, personId } = options;
  await assertCan({ db, actor, action: "people.manage", entityType: "person", entityId: personId });
  const [person, accounts, publications] = await Promise.all([
    db.person.findUnique({ where: { id: assertId(personId) }, select: personFields }),
    db.user.findMany({ select: { id: true, name: true, email: true, person: { select: { id: true } } }, orderBy: { name: "asc" } }),
    db.publication.findMany({ select: { id: true, name: true, isDefault: true }, orderBy: [{ isDefault: "desc" }, { name: "asc" }] }),
  ]);
  if (!person) throw new AppError("NOT_FOUND");
  return { person, accounts, publications };
}
