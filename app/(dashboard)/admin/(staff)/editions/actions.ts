"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { publishEdition, withdrawEdition } from "@/lib/editions/publish-edition";
import { AppError } from "@/lib/errors/app-error";

export interface EditionActionState {
  ok?: boolean;
  message?: string;
}

const publishSchema = z.object({ editionId: z.uuid() });
const withdrawSchema = z.object({ editionId: z.uuid(), reason: z.string().trim().min(1, "请填写撤版原因。").max(500) });

async function run(action: () => Promise<unknown>, success: string): Promise<EditionActionState> {
  try {
    await action();
    revalidatePath("/admin/editions");
    return { ok: true, message: success };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.messageFor("zh-CN") };
    throw error;
  }
}

export async function publishEditionAction(_state: EditionActionState, form: FormData): Promise<EditionActionState> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: new AppError("UNAUTHENTICATED").messageFor("zh-CN") };
  const input = publishSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, message: new AppError("INVALID_INPUT").messageFor("zh-CN") };
  return run(() => publishEdition({ db: getDb(), actor: user, editionId: input.data.editionId }), "已发布，读者现在可以看到这一期。");
}

export async function withdrawEditionAction(_state: EditionActionState, form: FormData): Promise<EditionActionState> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: new AppError("UNAUTHENTICATED").messageFor("zh-CN") };
  const input = withdrawSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, message: input.error.issues[0]?.message ?? new AppError("INVALID_INPUT").messageFor("zh-CN") };
  return run(() => withdrawEdition({ db: getDb(), actor: user, editionId: input.data.editionId, reason: input.data.reason }), "已撤版，读者不再能看到这一期。");
}
