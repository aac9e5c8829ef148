"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { transitionStoryAction } from "@/app/(dashboard)/admin/(staff)/stories/actions";
import type { storyMessages } from "@/lib/i18n/messages/stories";
import type { StoryTransition } from "@/lib/stories/story-workflow";

type Messages = (typeof storyMessages)["zh-CN"];

/** The workflow moves open to this user, with an optional note for the audit trail. */
export function WorkflowActions(props: { storyId: string; transitions: StoryTransition[]; m: Messages; beforeMove: () => Promise<boolean> }) {
  const { m } = props;
  const router = useRouter();
  const [note, setNote] = useState("");
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ ok?: boolean; message?: string }>({});
  if (props.transitions.length === 0) return null;

  const move = async (transition: StoryTransition) => {
    if (transition === "kill" && !window.confirm(m.workflow.killConfirm)) return;
    setPending(true);
    try {
      if (!(await props.beforeMove())) {
        setResult({ ok: false, message: m.workflow.saveFirst });
        return;
      }
      const outcome = await transitionStoryAction({ storyId: props.storyId, transition, note: note || undefined });
      setResult(outcome);
      if (outcome.ok) router.refresh();
    } finally {
      setPending(false);
    }
  };

  return (
    <fieldset className="rounded border border-neutral-200 bg-white p-3">
      <legend className="px-1 font-semibold">{m.workflow.legend}</legend>
      <label className="block text-sm">
        {m.workflow.note}
        <input className="mt-1 w-full rounded border border-neutral-300 px-2 py-1" value={note} onChange={(event) => setNote(event.target.value)} />
      </label>
      <div className="mt-2 flex flex-wrap gap-2">
        {props.transitions.map((transition) => (
          <button
            key={transition}
            type="button"
            disabled={pending}
            onClick={() => move(transition)}
            className={`rounded px-3 py-1 text-sm disabled:opacity-50 ${transition === "kill" ? "border border-red-700 text-red-800" : "bg-blue-800 text-white"}`}
          >
            {m.workflow[transition]}
          </button>
        ))}
      </div>
      <p role="status" className={`mt-2 text-sm ${result.ok ? "text-green-800" : "text-red-800"}`}>
        {result.message}
      </p>
    </fieldset>
  );
}
