"use client";

import { useActionState } from "react";
import { restoreRevisionAction } from "@/app/(dashboard)/admin/(staff)/stories/actions";

/** Restores one version as a new version of the story. */
export function RestoreButton(props: { storyId: string; version: number; baseVersion: number; label: string }) {
  const [state, action, pending] = useActionState(restoreRevisionAction, {});
  return (
    <form action={action} className="inline-flex flex-wrap items-center gap-2">
      <input type="hidden" name="storyId" value={props.storyId} />
      <input type="hidden" name="version" value={props.version} />
      <input type="hidden" name="baseVersion" value={props.baseVersion} />
      <button type="submit" disabled={pending} className="rounded border border-neutral-500 px-2 py-0.5 text-sm disabled:opacity-50">
        {props.label}
      </button>
      <span role="status" className={`text-sm ${state.ok ? "text-green-800" : "text-red-800"}`}>
        {state.message}
      </span>
    </form>
  );
}
