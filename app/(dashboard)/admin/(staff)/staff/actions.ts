"use server";

import { revalidatePath } from "next/cache";
import { keepValues, type FormState } from "@/components/dashboard/staff/form-state";
import { formObject, runAction } from "@/lib/actions/run-action";
import { getDb } from "@/lib/db/client";
import { getDashboardMessages } from "@/lib/i18n/dashboard-locale";
import { changeRole } from "@/lib/staff/change-role";
import { createStaffAccount } from "@/lib/staff/create-staff-account";
import { resetPassword } from "@/lib/staff/reset-password";
import { setDisabled } from "@/lib/staff/set-disabled";
import { changeRoleSchema, createStaffSchema, resetPasswordSchema, setDisabledSchema } from "@/lib/staff/staff-form-schemas";

// 员工账号 actions: parse, call one domain function (which checks the permission
// and audits), refresh the staff pages. Passwords never travel back to the form,
// except a generated one, once.

type GeneratedPassword = { generatedPassword?: string };

export async function createStaffAction(_state: FormState<GeneratedPassword>, form: FormData): Promise<FormState<GeneratedPassword>> {
  const { m } = await getDashboardMessages();
  const input = formObject(form);
  const state = await runAction({
    schema: createStaffSchema(m.staff.validation),
    input,
    run: async (user, data) => {
      const result = await createStaffAccount({ db: getDb(), actor: user, ...data });
      return { generatedPassword: result.generatedPassword, email: result.user.email };
    },
    success: (messages, result) => messages.staff.staff.create.created(result.email),
  });
  if (state.ok) revalidatePath("/admin/staff");
  return keepValues(state, input, ["password"]);
}

export async function changeRoleAction(_state: FormState, form: FormData): Promise<FormState> {
  const { m } = await getDashboardMessages();
  const input = formObject(form);
  const state = await runAction({
    schema: changeRoleSchema(m.staff.validation),
    input,
    run: (user, data) => changeRole({ db: getDb(), actor: user, ...data }),
    success: (messages, result) => (result.changed ? messages.staff.staff.detail.roleChanged : messages.staff.staff.detail.roleUnchanged),
  });
  if (state.ok) revalidatePath("/admin/staff", "layout");
  return keepValues(state, input);
}

export async function resetPasswordAction(_state: FormState<GeneratedPassword>, form: FormData): Promise<FormState<GeneratedPassword>> {
  const { m } = await getDashboardMessages();
  const input = formObject(form);
  const state = await runAction({
    schema: resetPasswordSchema(m.staff.validation),
    input,
    run: (user, data) => resetPassword({ db: getDb(), actor: user, ...data }),
    success: (messages) => messages.staff.staff.detail.resetDone,
  });
  return keepValues(state, input, ["password"]);
}

export async function setDisabledAction(_state: FormState, form: FormData): Promise<FormState> {
  const { m } = await getDashboardMessages();
  const input = formObject(form);
  const state = await runAction({
    schema: setDisabledSchema(m.staff.validation),
    input,
    run: async (user, data) => ({ ...(await setDisabled({ db: getDb(), actor: user, ...data })), disabled: data.disabled }),
    success: (messages, result) => {
      const t = messages.staff.staff.detail;
      return !result.changed ? t.unchanged : result.disabled ? t.disabledDone : t.enabledDone;
    },
  });
  if (state.ok) revalidatePath("/admin/staff", "layout");
  return keepValues(state, input);
}
