import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

// What a byline person must be. Names are kept exactly as typed apart from the
// surrounding spaces: Chinese names with full-width punctuation (欧阳·娜娜、
// 江宣（特约）) print in the paper as they are, so nothing is normalised.

export const PERSON_NAME_MAX_LENGTH = 50;
export const ORGANISATION_MAX_LENGTH = 100;

export function checkPersonName(raw: string): string {
  const name = raw.trim();
  if (!name) throw new AppError("INVALID_INPUT", { "zh-CN": "请填写署名。", en: "Enter the name as printed." });
  if (name.length > PERSON_NAME_MAX_LENGTH) {
    throw new AppError("INVALID_INPUT", {
      "zh-CN": `署名不能超过 ${PERSON_NAME_MAX_LENGTH} 个字。`,
      en: `The name can have at most ${PERSON_NAME_MAX_LENGTH} characters.`,
    });
  }
  return name;
}

/** An empty organisation is none: the byline prints as "通讯员/江宣". */
export function checkOrganisation(raw: string | null | undefined): string | null {
  const organisation = raw?.trim() ?? "";
  if (organisation.length > ORGANISATION_MAX_LENGTH) {
    throw new AppError("INVALID_INPUT", {
      "zh-CN": `单位名称不能超过 ${ORGANISATION_MAX_LENGTH} 个字。`,
      en: `The organisation can have at most ${ORGANISATION_MAX_LENGTH} characters.`,
    });
  }
  return organisation || null;
}

/**
 * A staff account may be linked to one person at most (their own byline);
 * correspondents and interns have none.
 */
export async function checkLinkableAccount(tx: Tx, userId: string | null, personId?: string): Promise<void> {
  if (!userId) return;
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, person: { select: { id: true, name: true } } } });
  if (!user) throw new AppError("INVALID_INPUT", { "zh-CN": "所选员工账号不存在。", en: "The chosen staff account does not exist." });
  if (user.person && user.person.id !== personId) throw accountTakenError(user.person.name);
}

export function accountTakenError(personName: string) {
  return new AppError("CONFLICT", {
    "zh-CN": `该员工账号已关联署名人“${personName}”。`,
    en: `This staff account is already linked to the person “${personName}”.`,
  });
}
