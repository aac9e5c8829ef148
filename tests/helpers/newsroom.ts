import type { Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";

export interface Newsroom {
  publicationId: string;
  pageNameId: string;
  admin: Actor;
  editor: Actor;
  secondEditor: Actor;
  reporter: Actor;
  otherReporter: Actor;
  photographer: Actor;
  reporterPersonId: string;
  correspondentPersonId: string;
}

/** A publication with one staff member per role (two editors, two reporters) and byline people. */
export async function seedNewsroom(db: Db): Promise<Newsroom> {
  const publication = await db.publication.create({ data: { slug: "jmrb", name: "江门日报", isDefault: true } });
  const pageName = await db.pageName.create({ data: { publicationId: publication.id, name: "江海新闻", defaultNumber: "A05", position: 5 } });
  const user = async (key: string, role: Role, name: string): Promise<Actor> => {
    const created = await db.user.create({ data: { email: `${key}@newsroom.test`, name, role, passwordHash: "x" } });
    return { id: created.id, role };
  };
  const reporter = await user("reporter", "REPORTER", "何榕");
  const person = await db.person.create({
    data: { publicationId: publication.id, name: "何榕", role: "REPORTER", organisation: "江门日报", userId: reporter.id },
  });
  const correspondent = await db.person.create({ data: { publicationId: publication.id, name: "江宣", role: "CORRESPONDENT" } });
  return {
    publicationId: publication.id,
    pageNameId: pageName.id,
    admin: await user("admin", "ADMIN", "管理员"),
    editor: await user("editor", "EDITOR", "梁晓婷"),
    secondEditor: await user("editor2", "EDITOR", "陈编辑"),
    reporter,
    otherReporter: await user("reporter2", "REPORTER", "李记者"),
    photographer: await user("photographer", "PHOTOGRAPHER", "邱昱"),
    reporterPersonId: person.id,
    correspondentPersonId: correspondent.id,
  };
}

/** The outcome of a call as the permission tests read it. */
export async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string") return code;
    throw error;
  }
}
