"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formObject, runAction, type ActionState } from "@/lib/actions/run-action";
import { getDb } from "@/lib/db/client";
import { createEdition, createEditionSchema } from "@/lib/editions/plan/create-edition";
import { addPage, movePage, removePage, renamePage, renumberSection, reorderPages } from "@/lib/editions/plan/page-operations";
import { continueStory, moveStory, placeStory, unplaceStory } from "@/lib/editions/plan/place-story";

// Thin server actions for planning editions: each validates its input with zod
// and calls one domain function in lib/editions/plan, which checks `edition.plan`
// itself. Page numbers and names are checked by the domain (its messages name
// the problem); zod only checks the shape.

const id = z.uuid();
const position = z.number().int().min(1).max(1000).optional();
const text = z.string().max(100);

/** Every planning change shows on the list and on the flat plan. */
async function planned<T>(result: Promise<ActionState<T>>): Promise<ActionState<T>> {
  const state = await result;
  if (state.ok) revalidatePath("/admin/editions", "layout");
  return state;
}

export async function createEditionAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const raw = formObject(form);
  const pageNameIds = [raw.pageNameIds ?? []].flat().map(String);
  const result = await runAction({
    schema: createEditionSchema,
    input: { date: raw.date, issueNumber: raw.issueNumber === "" || raw.issueNumber === undefined ? null : raw.issueNumber, pageNameIds },
    run: (user, input) => createEdition({ db: getDb(), actor: user, input }),
  });
  if (result.ok && result.data) {
    revalidatePath("/admin/editions");
    redirect(`/admin/editions/${result.data.date}`);
  }
  return { ok: false, message: result.message, fieldErrors: result.fieldErrors };
}

export async function addPageAction(input: { editionId: string; name: string; number?: string }) {
  return planned(runAction({ schema: z.object({ editionId: id, name: text, number: text.optional() }), input, run: (user, data) => addPage({ db: getDb(), actor: user, ...data }) }));
}

export async function renamePageAction(input: { pageId: string; name: string; number?: string }) {
  return planned(runAction({ schema: z.object({ pageId: id, name: text, number: text.optional() }), input, run: (user, data) => renamePage({ db: getDb(), actor: user, ...data }) }));
}

export async function removePageAction(input: { pageId: string }) {
  return planned(runAction({ schema: z.object({ pageId: id }), input, run: (user, data) => removePage({ db: getDb(), actor: user, ...data }) }));
}

export async function movePageAction(input: { pageId: string; direction: "up" | "down" }) {
  return planned(
    runAction({ schema: z.object({ pageId: id, direction: z.enum(["up", "down"]) }), input, run: (user, data) => movePage({ db: getDb(), actor: user, ...data }) }),
  );
}

export async function reorderPagesAction(input: { editionId: string; pageIds: string[] }) {
  return planned(
    runAction({ schema: z.object({ editionId: id, pageIds: z.array(id).max(100) }), input, run: (user, data) => reorderPages({ db: getDb(), actor: user, ...data }) }),
  );
}

export async function renumberSectionAction(input: { editionId: string; section: string }) {
  return planned(
    runAction({ schema: z.object({ editionId: id, section: z.string().max(2) }), input, run: (user, data) => renumberSection({ db: getDb(), actor: user, ...data }) }),
  );
}

export async function placeStoryAction(input: { pageId: string; articleId: string; position?: number }) {
  return planned(runAction({ schema: z.object({ pageId: id, articleId: id, position }), input, run: (user, data) => placeStory({ db: getDb(), actor: user, ...data }) }));
}

export async function moveStoryAction(input: { placementId: string; pageId: string; position?: number }) {
  return planned(runAction({ schema: z.object({ placementId: id, pageId: id, position }), input, run: (user, data) => moveStory({ db: getDb(), actor: user, ...data }) }));
}

export async function continueStoryAction(input: { articleId: string; pageId: string; position?: number }) {
  return planned(runAction({ schema: z.object({ articleId: id, pageId: id, position }), input, run: (user, data) => continueStory({ db: getDb(), actor: user, ...data }) }));
}

export async function unplaceStoryAction(input: { placementId: string }) {
  return planned(runAction({ schema: z.object({ placementId: id }), input, run: (user, data) => unplaceStory({ db: getDb(), actor: user, ...data }) }));
}
