"use server";

import { revalidatePath } from "next/cache";
import { keepValues, type FormState } from "@/components/dashboard/staff/form-state";
import { formObject, runAction } from "@/lib/actions/run-action";
import { getDb } from "@/lib/db/client";
import { getDashboardMessages } from "@/lib/i18n/dashboard-locale";
import { publicationSettingsSchema } from "@/lib/publications/publication-settings-schema";
import { updatePublicationSettings } from "@/lib/publications/update-publication-settings";

/** 报纸设置: the domain function checks the permission, audits and revalidates the reader footer. */
export async function updatePublicationSettingsAction(_state: FormState, form: FormData): Promise<FormState> {
  const { m } = await getDashboardMessages();
  const input = formObject(form);
  const state = await runAction({
    schema: publicationSettingsSchema(m.staff.validation),
    input,
    run: async (user, { publicationId, ...settings }) => {
      const result = await updatePublicationSettings({ db: getDb(), actor: user, publicationId, settings });
      return { changed: result.changed };
    },
    success: (messages, result) => (result.changed ? messages.staff.settings.saved : messages.staff.settings.unchanged),
  });
  if (state.ok) revalidatePath("/admin/settings");
  return keepValues(state, input);
}
