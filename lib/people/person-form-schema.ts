import { z } from "zod";
import { BylineRole } from "@/lib/db/generated/enums";
import type { StaffMessages } from "@/lib/i18n/messages/staff";
import { ORGANISATION_MAX_LENGTH, PERSON_NAME_MAX_LENGTH } from "./person-rules";

// The people form's input (new and edit share it), messages tied to the field.
// The domain functions check the same rules again (person-rules.ts).

const bylineRoles = Object.values(BylineRole) as [BylineRole, ...BylineRole[]];

export function personFormSchema(v: StaffMessages["validation"]) {
  return z.object({
    name: z.string(v.personName).trim().min(1, v.personName).max(PERSON_NAME_MAX_LENGTH, v.tooLong(PERSON_NAME_MAX_LENGTH)),
    role: z.enum(bylineRoles, v.bylineRole),
    organisation: z.string().trim().max(ORGANISATION_MAX_LENGTH, v.tooLong(ORGANISATION_MAX_LENGTH)).default(""),
    /** "" = not linked to a staff account. */
    userId: z.union([z.literal(""), z.uuid(v.choice)], v.choice).default(""),
    publicationId: z.union([z.literal(""), z.uuid(v.choice)], v.choice).default(""),
    /** A checkbox: present when ticked. */
    active: z.literal("on", v.choice).optional().transform(Boolean),
  });
}
