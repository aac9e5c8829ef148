"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { keepValues, type FormState } from "@/components/dashboard/staff/form-state";
import { formObject, runAction } from "@/lib/actions/run-action";
import { getDb } from "@/lib/db/client";
import { getDashboardMessages } from "@/lib/i18n/dashboard-locale";
import { createPerson } from "@/lib/people/create-person";
import { personFormSchema } from "@/lib/people/person-form-schema";
import { updatePerson } from "@/lib/people/update-person";

// 署名人 actions: parse, one domain function (permission + audit inside), refresh.

export async function createPersonAction(_state: FormState, form: FormData): Promise<FormState> {
  const { m } = await getDashboardMessages();
  const input = formObject(form);
  const state = await runAction({
    schema: personFormSchema(m.staff.validation),
    input,
    run: async (user, data) => {
      const person = await createPerson({ db: getDb(), actor: user, ...data, userId: data.userId || null, publicationId: data.publicationId || undefined });
      return { name: person.name };
    },
    success: (messages, result) => messages.staff.people.created(result.name),
  });
  if (state.ok) revalidatePath("/admin/people");
  return keepValues(state, input);
}

export async function updatePersonAction(_state: FormState, form: FormData): Promise<FormState> {
  const { m } = await getDashboardMessages();
  const input = formObject(form);
  const state = await runAction({
    schema: personFormSchema(m.staff.validation).extend({ personId: z.uuid(m.staff.validation.choice) }),
    input,
    run: async (user, data) => {
      await updatePerson({ db: getDb(), actor: user, ...data, userId: data.userId || null, publicationId: data.publicationId || undefined });
      return null;
    },
    success: (messages) => messages.staff.people.saved,
  });
  if (state.ok) revalidatePath("/admin/people", "layout");
  return keepValues(state, input);
}
