"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formObject, runAction, type ActionState } from "@/lib/actions/run-action";
import { getDb } from "@/lib/db/client";
import { createStoryFromRegion } from "@/lib/pages/create-story-from-region";
import { createStoryFromRegionSchema, type SavePageRegionsInput } from "@/lib/pages/region-schema";
import { applyPageReplacement, discardPageReplacement } from "@/lib/pages/page-replacement";
import { savePageRegions } from "@/lib/pages/save-page-regions";
import { getStorage } from "@/lib/storage/get-storage";

// The envelope only: savePageRegions checks the regions with the shared schema
// (lib/pages/region-schema.ts) and says what is wrong in the editor's words.
const saveEnvelope = z.object({ pageId: z.uuid(), regions: z.array(z.unknown()).max(1000), baseVersion: z.string().max(64).optional() });

export async function savePageRegionsAction(input: { pageId: string; regions: unknown[]; baseVersion?: string }): Promise<ActionState> {
  return runAction({
    schema: saveEnvelope,
    input,
    run: async (user, data) => {
      const result = await savePageRegions({ db: getDb(), actor: user, input: data as SavePageRegionsInput });
      revalidatePath("/admin/editions", "layout");
      return result;
    },
    success: (m) => m.pages.editor.saved,
  });
}

export async function createStoryFromRegionAction(input: { regionId: string }): Promise<ActionState<{ articleId: string }>> {
  return runAction({
    schema: createStoryFromRegionSchema,
    input,
    run: async (user, data) => {
      const result = await createStoryFromRegion({ db: getDb(), actor: user, regionId: data.regionId });
      revalidatePath("/admin/editions", "layout");
      return { articleId: result.articleId };
    },
    success: (m) => m.pages.editor.created,
  });
}

const replacementForm = z.object({ pageId: z.uuid(), pdfAssetId: z.uuid() });

/** 替换并重新发布: the PDF the editor checked (pdfAssetId) becomes the page's. */
export async function applyPageReplacementAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return runAction({
    schema: replacementForm.extend({ regions: z.enum(["keep", "detect"]) }),
    input: formObject(form),
    run: async (user, data) => {
      const result = await applyPageReplacement({ db: getDb(), actor: user, pageId: data.pageId, regions: data.regions, expectedPdfAssetId: data.pdfAssetId });
      revalidatePath("/admin/editions", "layout");
      return result;
    },
    success: (m, result) => (result.live ? m.pages.replacement.applied(result.number) : m.pages.replacement.appliedDraft(result.number)),
  });
}

/** 放弃: the waiting PDF is dropped. */
export async function discardPageReplacementAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return runAction({
    schema: replacementForm,
    input: formObject(form),
    run: async (user, data) => {
      const result = await discardPageReplacement({ db: getDb(), storage: getStorage(), actor: user, pageId: data.pageId });
      revalidatePath("/admin/editions", "layout");
      return result;
    },
    success: (m, result) => m.pages.replacement.discarded(result.number),
  });
}
