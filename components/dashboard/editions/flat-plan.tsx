"use client";

import { useOptimistic, useState, useTransition } from "react";
import type { ActionState } from "@/lib/actions/run-action";
import type { FlatPlan as FlatPlanData } from "@/lib/editions/plan/load-flat-plan";
import { editionMessages } from "@/lib/i18n/messages/editions";
import { FlatPlanBoard } from "./flat-plan-board";
import { PageListEditor } from "./page-list-editor";
import type { BoardState, PlanRunner } from "./plan-model";

/**
 * The flat plan (版面规划) of one edition: the page list (add, remove, rename,
 * reorder) and the tiles with their stories. Every change goes through a server
 * action; the board shows it at once (optimistic) and the result is announced
 * in one live region.
 */
export function FlatPlan(props: { plan: FlatPlanData; locale: "zh-CN" | "en" }) {
  const { plan, locale } = props;
  const t = editionMessages[locale];
  const [status, setStatus] = useState<{ ok: boolean; text: string }>({ ok: true, text: "" });
  const [pending, startTransition] = useTransition();
  const [board, setBoard] = useOptimistic<BoardState>({ pages: plan.pages, unplaced: plan.unplaced });
  const editable = plan.edition.status !== "PUBLISHED";

  const run: PlanRunner = (call, success, optimistic) => {
    setStatus({ ok: true, text: t.announce.working });
    startTransition(async () => {
      if (optimistic) setBoard(optimistic);
      const result: ActionState<unknown> = await call();
      setStatus(result.ok ? { ok: true, text: typeof success === "function" ? success(result.data) : success } : { ok: false, text: result.message ?? "" });
    });
  };

  return (
    <>
      {!editable && (
        <p className="mt-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">{t.plan.published}</p>
      )}
      <p role="status" aria-live="polite" className={`sticky top-0 z-10 mt-3 min-h-6 text-sm ${status.ok ? "text-green-800" : "rounded bg-red-50 px-2 py-1 text-red-800"}`}>
        {status.text}
      </p>
      {editable && <PageListEditor editionId={plan.edition.id} pages={board.pages} locale={locale} run={run} pending={pending} />}
      <FlatPlanBoard date={plan.edition.date} board={board} locale={locale} run={run} editable={editable} />
    </>
  );
}
