"use client";

import { useActionState } from "react";
import { createStoryAction } from "@/app/(dashboard)/admin/(staff)/stories/actions";

/** 写新稿: creates a draft and opens it in the editor. */
export function NewStoryButton({ label }: { label: string }) {
  const [state, action, pending] = useActionState(createStoryAction, {});
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <button type="submit" disabled={pending} className="rounded bg-blue-800 px-3 py-1.5 text-white disabled:opacity-60">
        {label}
      </button>
      {state.message && (
        <span role="alert" className="text-sm text-red-800">
          {state.message}
        </span>
      )}
    </form>
  );
}
