import { z } from "zod";
import { Role } from "@/lib/db/generated/enums";
import type { StaffMessages } from "@/lib/i18n/messages/staff";
import { isValidEmail, NAME_MAX_LENGTH, normaliseEmail, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./account-rules";

// The staff forms' input, one schema per form, with messages in the user's
// language tied to the field. The domain functions check the same rules again
// (account-rules.ts) for callers other than these forms.

type Validation = StaffMessages["validation"];

const roles = Object.values(Role) as [Role, ...Role[]];

/** Empty means "generate one"; otherwise the password as typed. */
function optionalPassword(v: Validation) {
  return z
    .string()
    .refine((value) => value === "" || value.length >= PASSWORD_MIN_LENGTH, v.passwordTooShort(PASSWORD_MIN_LENGTH))
    .refine((value) => value.length <= PASSWORD_MAX_LENGTH, v.passwordTooLong(PASSWORD_MAX_LENGTH))
    .default("")
    .transform((value) => value || undefined);
}

export function createStaffSchema(v: Validation) {
  return z.object({
    email: z.string(v.email).transform(normaliseEmail).refine(isValidEmail, v.email),
    name: z.string(v.name).trim().min(1, v.name).max(NAME_MAX_LENGTH, v.nameTooLong(NAME_MAX_LENGTH)),
    role: z.enum(roles, v.role),
    password: optionalPassword(v),
  });
}

export function changeRoleSchema(v: Validation) {
  return z.object({ userId: z.uuid(v.choice), role: z.enum(roles, v.role) });
}

export function resetPasswordSchema(v: Validation) {
  return z.object({ userId: z.uuid(v.choice), password: optionalPassword(v) });
}

export function setDisabledSchema(v: Validation) {
  return z.object({ userId: z.uuid(v.choice), disabled: z.enum(["true", "false"], v.choice).transform((value) => value === "true") });
}
