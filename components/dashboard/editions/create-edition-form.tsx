"use client";

import { useActionState } from "react";
import { createEditionAction } from "@/app/(dashboard)/admin/(staff)/editions/[date]/actions";
import type { ActionState } from "@/lib/actions/run-action";
import { editionMessages } from "@/lib/i18n/messages/editions";

const control = "mt-1 block rounded border border-neutral-300 px-2 py-1";

/** 新建一期: the date, the issue number and which standing pages to start from. */
export function CreateEditionForm(props: {
  locale: "zh-CN" | "en";
  pageNames: { id: string; name: string; defaultNumber: string | null; active: boolean }[];
  suggestedIssueNumber: number | null;
  latestDate: string | null;
}) {
  const t = editionMessages[props.locale].create;
  const [state, action, pending] = useActionState<ActionState, FormData>(createEditionAction, {});
  const fieldError = (name: string) => state.fieldErrors?.[name];
  return (
    <form action={action} className="mt-4 grid max-w-xl gap-4 rounded border border-neutral-200 bg-white p-4" noValidate>
      <label className="text-sm font-medium">
        {t.date}
        <input type="date" name="date" required aria-invalid={Boolean(fieldError("date"))} aria-describedby={fieldError("date") ? "date-error" : undefined} className={control} />
        {fieldError("date") && (
          <span id="date-error" className="mt-1 block text-red-800">
            {fieldError("date")}
          </span>
        )}
      </label>
      <label className="text-sm font-medium">
        {t.issueNumber}
        <input
          type="number"
          name="issueNumber"
          min={1}
          defaultValue={props.suggestedIssueNumber ?? undefined}
          aria-describedby="issue-hint"
          aria-invalid={Boolean(fieldError("issueNumber"))}
          className={`${control} w-40`}
        />
        <span id="issue-hint" className="mt-1 block font-normal text-neutral-700">
          {fieldError("issueNumber") ?? (props.latestDate && props.suggestedIssueNumber ? t.issueHint(props.latestDate, props.suggestedIssueNumber) : "")}
        </span>
      </label>
      <fieldset className="text-sm">
        <legend className="font-medium">{t.pages}</legend>
        {props.pageNames.length === 0 ? (
          <p className="mt-2">{t.noPageNames}</p>
        ) : (
          <ul className="mt-2 grid gap-1 sm:grid-cols-2">
            {props.pageNames.map((pageName) => (
              <li key={pageName.id}>
                <label className="flex items-center gap-2">
                  <input type="checkbox" name="pageNameIds" value={pageName.id} defaultChecked={pageName.active} />
                  <span>
                    <span className="font-mono">{pageName.defaultNumber ?? t.noNumber}</span> {pageName.name}
                    {!pageName.active && t.inactive}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className="rounded bg-brand px-4 py-2 text-white hover:bg-brand-dark disabled:opacity-60">
          {pending ? t.submitting : t.submit}
        </button>
        <p role="alert" className="text-sm text-red-800">
          {state.ok === false ? state.message : ""}
        </p>
      </div>
    </form>
  );
}
