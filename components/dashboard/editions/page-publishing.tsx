"use client";

import { useActionState, useState } from "react";
import { republishPageAction, withdrawPageAction } from "@/app/(dashboard)/admin/(staff)/editions/actions";
import type { PageStatus } from "@/lib/db/generated/enums";
import { editionMessages } from "@/lib/i18n/messages/editions";

type Messages = (typeof editionMessages)["zh-CN"]["pagePublishing"];

type PageRowData = { id: string; number: string; name: string; status: PageStatus };

/**
 * 撤版 of single pages of a published edition, and bringing them back: one row
 * per page with its status and the one action that applies to it.
 */
export function PagePublishing(props: { pages: PageRowData[]; editionPublished: boolean; locale: "zh-CN" | "en" }) {
  const t = editionMessages[props.locale].pagePublishing;
  return (
    <section aria-labelledby="page-publishing-heading" className="mt-8">
      <h2 id="page-publishing-heading" className="text-lg font-bold">
        {t.heading}
      </h2>
      <p className="mt-1 text-sm text-neutral-700">{t.explain}</p>
      <table className="mt-2 w-full max-w-3xl text-left text-sm">
        <caption className="sr-only">{t.caption}</caption>
        <thead>
          <tr className="border-b border-neutral-300">
            <th scope="col" className="py-1 pr-3">
              {t.page}
            </th>
            <th scope="col" className="py-1 pr-3">
              {t.status}
            </th>
            <th scope="col" className="py-1">
              {t.action}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.pages.map((page) => (
            <PageRow key={page.id} page={page} editionPublished={props.editionPublished} t={t} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** One page; the outcome stays in the row when its status (and so its form) changes. */
function PageRow(props: { page: PageRowData; editionPublished: boolean; t: Messages }) {
  const { page, t } = props;
  const [withdrawn, withdraw, withdrawing] = useActionState(withdrawPageAction, {});
  const [republished, republish, republishing] = useActionState(republishPageAction, {});
  const [last, setLast] = useState<"withdraw" | "republish">("withdraw");
  const latest = last === "republish" ? republished : withdrawn;
  return (
    <tr className="border-b border-neutral-200 align-top">
      <th scope="row" className="py-1.5 pr-3 font-medium">
        {page.number} {page.name}
      </th>
      <td className={`py-1.5 pr-3 ${page.status === "WITHDRAWN" ? "text-red-800" : ""}`}>{t.statuses[page.status]}</td>
      <td className="py-1.5">
        {page.status === "PUBLISHED" && (
          <form action={withdraw} onSubmit={() => setLast("withdraw")} className="flex flex-wrap items-start gap-2">
            <input type="hidden" name="pageId" value={page.id} />
            <label>
              <span className="sr-only">{t.reasonOf(page.number)}</span>
              <input name="reason" placeholder={t.reason} maxLength={500} className="w-48 rounded border border-neutral-300 px-2 py-0.5" />
            </label>
            <button type="submit" disabled={withdrawing} className="rounded border border-red-700 px-2 py-0.5 text-red-800 hover:bg-red-50 disabled:opacity-60">
              {t.withdraw(page.number)}
            </button>
          </form>
        )}
        {page.status === "WITHDRAWN" && (
          <form action={republish} onSubmit={() => setLast("republish")}>
            <input type="hidden" name="pageId" value={page.id} />
            <button type="submit" disabled={republishing} className="rounded border border-neutral-600 px-2 py-0.5 disabled:opacity-60">
              {props.editionPublished ? t.republish(page.number) : t.restore(page.number)}
            </button>
          </form>
        )}
        <p role="status" className={`text-sm ${latest.ok ? "text-green-800" : "text-red-800"}`}>
          {latest.message}
        </p>
      </td>
    </tr>
  );
}
