"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formObject, runAction, type ActionState } from "@/lib/actions/run-action";
import { getDb } from "@/lib/db/client";
import { deletePhoto } from "@/lib/media/photos/delete-photo";
import { photoMetadataSchema } from "@/lib/media/photos/photo-schema";
import { updatePhoto } from "@/lib/media/photos/update-photo";
import { getStorage } from "@/lib/storage/get-storage";

const updateSchema = photoMetadataSchema.extend({ photoId: z.uuid() });
const deleteSchema = z.object({ photoId: z.uuid(), confirm: z.literal("on") });

export async function updatePhotoAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const result = await runAction({
    schema: updateSchema,
    input: formObject(form),
    run: async (user, { photoId, ...changes }) => {
      await updatePhoto({ db: getDb(), actor: user, photoId, changes });
      return photoId;
    },
    success: (m) => m.photos.edit.saved,
  });
  if (result.ok) {
    revalidatePath(`/admin/photos/${result.data}`);
    revalidatePath("/admin/photos");
  }
  return { ok: result.ok, message: result.message, fieldErrors: result.fieldErrors };
}

export async function deletePhotoAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const result = await runAction({
    schema: deleteSchema,
    input: formObject(form),
    run: (user, { photoId }) => deletePhoto({ db: getDb(), storage: getStorage(), actor: user, photoId }),
  });
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors };
  revalidatePath("/admin/photos");
  redirect("/admin/photos?deleted=1");
}
