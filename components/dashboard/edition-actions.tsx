"use client";

import { useActionState } from "react";
import type { EditionActionState } from "@/app/(dashboard)/admin/(staff)/editions/actions";

type Action = (state: EditionActionState, form: FormData) => Promise<EditionActionState>;

/** 发布 / 撤版 for one edition, with the result announced to screen readers. */
export function EditionActions(props: {
  editionId: string;
  canPublish: boolean;
  canWithdraw: boolean;
  publish: Action;
  withdraw: Action;
  labels: { publish: string; withdraw: string; reason: string; reasonLabel: string };
}) {
  const [publishState, publish, publishing] = useActionState(props.publish, {});
  const [withdrawState, withdraw, withdrawing] = useActionState(props.withdraw, {});
  const state = withdrawState.message ? withdrawState : publishState;
  return (
    <div className="flex flex-wrap items-start gap-3">
      {props.canPublish && (
        <form action={publish}>
          <input type="hidden" name="editionId" value={props.editionId} />
          <button type="submit" disabled={publishing} className="rounded bg-brand px-3 py-1 text-sm text-white hover:bg-brand-dark disabled:opacity-60">
            {props.labels.publish}
          </button>
        </form>
      )}
      {props.canWithdraw && (
        <form action={withdraw} className="flex items-start gap-2">
          <input type="hidden" name="editionId" value={props.editionId} />
          <label className="text-sm">
            <span className="sr-only">{props.labels.reasonLabel}</span>
            <input name="reason" placeholder={props.labels.reason} className="w-40 rounded border border-neutral-300 px-2 py-1" />
          </label>
          <button type="submit" disabled={withdrawing} className="rounded border border-red-700 px-3 py-1 text-sm text-red-800 hover:bg-red-50 disabled:opacity-60">
            {props.labels.withdraw}
          </button>
        </form>
      )}
      <p role="status" className={`text-sm ${state.ok ? "text-green-800" : "text-red-800"}`}>
        {state.message}
      </p>
    </div>
  );
}
