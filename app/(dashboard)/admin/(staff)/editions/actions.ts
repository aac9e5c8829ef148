"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formObject, runAction, type ActionState } from "@/lib/actions/run-action";
import { getDb } from "@/lib/db/client";
import type { PreflightProblem } from "@/lib/editions/preflight";
import { PreflightFailedError, publishEdition, withdrawEdition } from "@/lib/editions/publish-edition";
import { scheduleEdition, unscheduleEdition } from "@/lib/editions/schedule-edition";
import { republishPage, withdrawPage } from "@/lib/editions/withdraw-page";
import { getDashboardMessages } from "@/lib/i18n/dashboard-locale";
import { atNewsroomTime } from "@/lib/time/newsroom-time";

// 发布 / 定时发布 / 撤版 of an edition, and 撤版 of a single page: thin actions over lib/editions.

export type EditionActionState = ActionState<{ problems?: PreflightProblem[] }>;

const editionId = z.uuid();
const reason = z.string().trim().max(500).optional();

/** Pre-flight problems come back as data, so the form can list them and ask for a reason. */
async function withProblems(run: () => Promise<unknown>): Promise<{ problems?: PreflightProblem[] }> {
  try {
    await run();
    revalidatePath("/admin/editions");
    return {};
  } catch (error) {
    if (error instanceof PreflightFailedError) return { problems: error.problems };
    throw error;
  }
}

async function outcome(state: EditionActionState): Promise<EditionActionState> {
  const problems = state.data?.problems;
  if (!problems) return state;
  const { m } = await getDashboardMessages();
  return { ok: false, message: m.editions.preflightFailed(problems.length), data: { problems } };
}

export async function publishEditionAction(_state: EditionActionState, form: FormData): Promise<EditionActionState> {
  const state = await runAction({
    schema: z.object({ editionId, override: reason }),
    input: formObject(form),
    run: (user, data) => withProblems(() => publishEdition({ db: getDb(), actor: user, editionId: data.editionId, override: data.override })),
    success: (m) => m.editions.published,
  });
  return outcome(state);
}

export async function scheduleEditionAction(_state: EditionActionState, form: FormData): Promise<EditionActionState> {
  const state = await runAction({
    // The form's datetime-local is Beijing time (the paper's time zone).
    schema: z.object({ editionId, at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/), override: reason }),
    input: formObject(form),
    run: (user, data) =>
      withProblems(() => scheduleEdition({ db: getDb(), actor: user, editionId: data.editionId, at: atNewsroomTime(data.at), override: data.override })),
    success: (m) => m.editions.scheduled,
  });
  return outcome(state);
}

export async function unscheduleEditionAction(_state: EditionActionState, form: FormData): Promise<EditionActionState> {
  return runAction({
    schema: z.object({ editionId }),
    input: formObject(form),
    run: async (user, data) => {
      await unscheduleEdition({ db: getDb(), actor: user, editionId: data.editionId });
      revalidatePath("/admin/editions");
      return {};
    },
    success: (m) => m.editions.unscheduled,
  });
}

export async function withdrawEditionAction(_state: EditionActionState, form: FormData): Promise<EditionActionState> {
  const { m } = await getDashboardMessages();
  if (!String(formObject(form).reason ?? "").trim()) return { ok: false, message: m.editions.reasonRequired };
  return runAction({
    schema: z.object({ editionId, reason: z.string().trim().min(1).max(500) }),
    input: formObject(form),
    run: async (user, data) => {
      await withdrawEdition({ db: getDb(), actor: user, editionId: data.editionId, reason: data.reason });
      revalidatePath("/admin/editions");
      return {};
    },
    success: (m) => m.editions.withdrawn,
  });
}

const pageId = z.uuid();

export async function withdrawPageAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const { m } = await getDashboardMessages();
  if (!String(formObject(form).reason ?? "").trim()) return { ok: false, message: m.editionsPlan.pagePublishing.reasonRequired };
  return runAction({
    schema: z.object({ pageId, reason: z.string().trim().min(1).max(500) }),
    input: formObject(form),
    run: async (user, data) => {
      const result = await withdrawPage({ db: getDb(), actor: user, pageId: data.pageId, reason: data.reason });
      revalidatePath("/admin/editions", "layout");
      return result;
    },
    success: (m, result) => m.editionsPlan.pagePublishing.withdrawn(result.number),
  });
}

export async function republishPageAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return runAction({
    schema: z.object({ pageId }),
    input: formObject(form),
    run: async (user, data) => {
      const result = await republishPage({ db: getDb(), actor: user, pageId: data.pageId });
      revalidatePath("/admin/editions", "layout");
      return result;
    },
    success: (m, result) => (result.live ? m.editionsPlan.pagePublishing.republished(result.number) : m.editionsPlan.pagePublishing.restored(result.number)),
  });
}
