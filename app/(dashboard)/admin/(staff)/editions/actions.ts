"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { publishEdition, withdrawEdition } from "@/lib/editions/publish-edition";
import { AppError } from "@/lib/errors/app-error";
import { getDashboardMessages } from "@/lib/i18n/dashboard-locale";

export interface EditionActionState {
  ok?: boolean;
  message?: string;
}

const publishSchema = z.object({ editionId: z.uuid() });
const withdrawSchema = z.object({ editionId: z.uuid(), reason: z.string().trim().min(1).max(500) });

async function run(action: () => Promise<unknown>, success: string): Promise<EditionActionState> {
  const { locale } = await getDashboardMessages();
  try {
    await action();
    revalidatePath("/admin/editions");
    return { ok: true, message: success };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.messageFor(locale) };
    throw error;
  }
}

export async function publishEditionAction(_state: EditionActionState, form: FormData): Promise<EditionActionState> {
  const { locale, m } = await getDashboardMessages();
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: new AppError("UNAUTHENTICATED").messageFor(locale) };
  const input = publishSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, message: new AppError("INVALID_INPUT").messageFor(locale) };
  return run(() => publishEdition({ db: getDb(), actor: user, editionId: input.data.editionId }), m.editions.published);
}

export async function withdrawEditionAction(_state: EditionActionState, form: FormData): Promise<EditionActionState> {
  const { locale, m } = await getDashboardMessages();
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: new AppError("UNAUTHENTICATED").messageFor(locale) };
  const input = withdrawSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, message: m.editions.reasonRequired };
  return run(() => withdrawEdition({ db: getDb(), actor: user, editionId: input.data.editionId, reason: input.data.reason }), m.editions.withdrawn);
}
