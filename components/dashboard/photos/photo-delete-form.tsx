"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/run-action";
import type { PhotoMessages } from "@/lib/i18n/messages/photos";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/** Deleting needs a ticked confirmation; a refusal (photo in use) is shown in place. */
export function PhotoDeleteForm(props: { photoId: string; action: Action; labels: PhotoMessages["remove"] }) {
  const t = props.labels;
  const [state, action, pending] = useActionState(props.action, {});
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="photoId" value={props.photoId} />
      <p className="text-sm text-neutral-700">{t.hint}</p>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="confirm" required />
        {t.confirm}
      </label>
      <button type="submit" disabled={pending} className="rounded border border-red-700 px-3 py-1 text-sm text-red-800 hover:bg-red-50 disabled:opacity-60">
        {t.button}
      </button>
      <p role="status" className="text-sm text-red-800">
        {state.message}
      </p>
    </form>
  );
}
