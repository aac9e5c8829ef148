"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import {
  publishEditionAction,
  scheduleEditionAction,
  unscheduleEditionAction,
  withdrawEditionAction,
  type EditionActionState,
} from "@/app/(dashboard)/admin/(staff)/editions/actions";
import type { EditionStatus } from "@/lib/db/generated/enums";
import { dashboardMessages, type DashboardLocale } from "@/lib/i18n/dashboard-messages";
import { newsroomDateTimeFormat } from "@/lib/time/newsroom-time";

const field = "rounded border border-neutral-300 px-2 py-1";

/** The latest result of any of the forms, announced to screen readers. */
function Result({ state }: { state: EditionActionState }) {
  return (
    <p role="status" className={`text-sm ${state.ok ? "text-green-800" : "text-red-800"}`}>
      {state.message}
    </p>
  );
}

/**
 * 发布 / 定时发布 / 撤版 for one edition. Publishing runs pre-flight on the
 * server; its problems are listed with links, and a second try needs a reason.
 */
export function EditionActions(props: {
  editionId: string;
  date: string;
  status: EditionStatus;
  scheduledAt: string | null;
  scheduleError: string | null;
  canPublish: boolean;
  canWithdraw: boolean;
  locale: DashboardLocale;
}) {
  const t = dashboardMessages(props.locale).editions;
  const [publishState, publish, publishing] = useActionState(publishEditionAction, {});
  const [scheduleState, schedule, scheduling] = useActionState(scheduleEditionAction, {});
  const [unscheduleState, unschedule] = useActionState(unscheduleEditionAction, {});
  const [withdrawState, withdraw, withdrawing] = useActionState(withdrawEditionAction, {});
  const problems = publishState.data?.problems ?? scheduleState.data?.problems;
  // One reason, sent with whichever form (publish now or schedule) is used next.
  const [override, setOverride] = useState("");
  // Controlled, so a refused try (pre-flight) keeps the chosen time: React resets uncontrolled fields after an action.
  const [at, setAt] = useState("");
  const hidden = <input type="hidden" name="editionId" value={props.editionId} />;
  const scheduledTime = props.scheduledAt
    ? newsroomDateTimeFormat(props.locale, { dateStyle: "short", timeStyle: "short" }).format(new Date(props.scheduledAt))
    : null;

  return (
    <div className="space-y-2">
      {props.scheduleError && (
        <p role="alert" className="rounded border border-red-400 bg-red-50 px-2 py-1 text-sm text-red-900">
          {props.scheduleError}
        </p>
      )}
      {props.status === "SCHEDULED" && scheduledTime && (
        <form action={unschedule} className="flex flex-wrap items-center gap-2 text-sm">
          {hidden}
          <span>{t.scheduledFor(scheduledTime)}</span>
          {props.canPublish && (
            <button type="submit" className="rounded border border-neutral-500 px-2 py-0.5">
              {t.unschedule(props.date)}
            </button>
          )}
        </form>
      )}
      {props.canPublish && (
        <div className="flex flex-wrap items-start gap-3">
          {problems && (
            <label className="text-sm">
              <span className="sr-only">{t.overrideLabel(props.date)}</span>
              <input value={override} onChange={(event) => setOverride(event.target.value)} placeholder={t.override} className={`${field} w-48`} />
            </label>
          )}
          <form action={publish} className="flex flex-wrap items-start gap-2">
            {hidden}
            <input type="hidden" name="override" value={override} />
            <button type="submit" disabled={publishing} className="rounded bg-brand px-3 py-1 text-sm text-white hover:bg-brand-dark disabled:opacity-60">
              {problems ? t.publishAnyway(props.date) : t.publish(props.date)}
            </button>
          </form>
          <form action={schedule} className="flex flex-wrap items-start gap-2">
            {hidden}
            <label className="text-sm">
              <span className="sr-only">{t.scheduleAt(props.date)}</span>
              <input type="datetime-local" name="at" required value={at} onChange={(event) => setAt(event.target.value)} className={field} />
            </label>
            <input type="hidden" name="override" value={override} />
            <button type="submit" disabled={scheduling} className="rounded border border-neutral-600 px-3 py-1 text-sm disabled:opacity-60">
              {t.schedule(props.date)}
            </button>
          </form>
          <Link href={`/admin/editions/${props.date}/preflight`} className="self-center text-sm">
            {t.preflight}
          </Link>
          {/* A whole document (the published files), not a dashboard page: a full load. */}
          <a href={`/admin/editions/${props.date}/preview`} className="self-center text-sm">
            {t.preview}
          </a>
        </div>
      )}
      {props.canWithdraw && (
        <form action={withdraw} className="flex items-start gap-2">
          {hidden}
          <label className="text-sm">
            <span className="sr-only">{t.reasonLabel(props.date)}</span>
            <input name="reason" placeholder={t.reason} className={`${field} w-40`} />
          </label>
          <button type="submit" disabled={withdrawing} className="rounded border border-red-700 px-3 py-1 text-sm text-red-800 hover:bg-red-50 disabled:opacity-60">
            {t.withdraw(props.date)}
          </button>
        </form>
      )}
      <Result state={withdrawState.message ? withdrawState : unscheduleState.message ? unscheduleState : scheduleState.message ? scheduleState : publishState} />
      {problems && (
        <details open className="text-sm">
          <summary>
            {t.problems}（{problems.length}）
          </summary>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {problems.map((problem, index) => (
              <li key={index}>
                <Link href={problem.href}>{problem[props.locale]}</Link>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
