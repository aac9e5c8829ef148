"use client";

import { useActionState, useState } from "react";
import type { ActionState } from "@/lib/actions/run-action";
import { pageMessages } from "@/lib/i18n/messages/pages";
import type { ReplacementCheck } from "@/lib/pages/replacement-check";

type FormAction = (state: ActionState, form: FormData) => Promise<ActionState>;

/**
 * A new PDF waiting to replace a page readers see: its page image, what would
 * change (the pre-flight found when it was rendered), the choice for the
 * regions, and 替换并重新发布 / 放弃. Nothing changes for readers until applied.
 */
export function PageReplacementPanel(props: {
  pageId: string;
  pageNumber: string;
  /** Readers see the page: applying republishes it. */
  live: boolean;
  /** Null when none waits: the panel then keeps only the outcome of the last action. */
  replacement: { pdfAssetId: string; src: string; srcSet: string; width: number; height: number; check: ReplacementCheck | null } | null;
  locale: "zh-CN" | "en";
  apply: FormAction;
  discard: FormAction;
}) {
  const t = pageMessages[props.locale].replacement;
  const textLayer = pageMessages[props.locale].textLayer;
  const [applied, apply, applying] = useActionState(props.apply, {});
  const [discarded, discard, discarding] = useActionState(props.discard, {});
  const [last, setLast] = useState<"apply" | "discard">("apply");
  const latest = last === "apply" ? applied : discarded;
  const status = (
    <p role="status" className={`mt-2 text-sm ${latest.ok ? "text-green-800" : "text-red-800"}`}>
      {latest.message}
    </p>
  );
  if (!props.replacement) return status;
  const { check, pdfAssetId } = props.replacement;
  // Stories would lose their region, or the regions would no longer fit: keeping them is the safer default only when nothing moved.
  const defaultRegions = check && (check.sizeChanged || check.regionsNotMatching > 0) ? "keep" : "detect";
  const size = (value: { width: number; height: number }) => `${value.width}×${value.height}`;
  const busy = applying || discarding;

  return (
    <section aria-labelledby="page-replacement-heading" className="mt-3 rounded border border-amber-400 bg-amber-50 p-4">
      <h2 id="page-replacement-heading" className="text-lg font-bold">
        {t.heading}
      </h2>
      <p className="mt-1 text-sm">{t.explain}</p>
      <div className="mt-3 grid gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <img src={props.replacement.src} srcSet={props.replacement.srcSet} sizes="(min-width: 768px) 40vw, 100vw" width={props.replacement.width} height={props.replacement.height} alt={t.image(props.pageNumber)} className="h-auto w-full border border-neutral-300 bg-white" />
        <div>
          <h3 className="font-bold">{t.checkHeading}</h3>
          <ul aria-label={t.checkHeading} className="mt-1 list-disc space-y-1 pl-5 text-sm">
            {check && <li>{t.ok(check.found, check.matched)}</li>}
            {check?.textLayerIssue && <li className="text-red-900">{textLayer[check.textLayerIssue]}</li>}
            {check?.sizeChanged && check.oldSize && <li className="text-red-900">{t.sizeChanged(size(check.oldSize), size(check.newSize))}</li>}
            {check && check.regionsNotMatching > 0 && <li className="text-red-900">{t.regionsNotMatching(check.regionsNotMatching)}</li>}
            {check?.losing.map((story) => (
              <li key={story.placementId} className="text-red-900">
                {t.losing(story.headline)}
              </li>
            ))}
          </ul>
          <form
            action={apply}
            // One form, two buttons: the status shows the outcome of the one pressed.
            onSubmit={(event) => setLast((event.nativeEvent as SubmitEvent).submitter?.dataset.action === "discard" ? "discard" : "apply")}
            className="mt-3"
          >
            <input type="hidden" name="pageId" value={props.pageId} />
            <input type="hidden" name="pdfAssetId" value={pdfAssetId} />
            <fieldset>
              <legend className="font-medium">{t.regionsLegend}</legend>
              <label className="mt-1 flex items-center gap-2 text-sm">
                <input type="radio" name="regions" value="detect" defaultChecked={defaultRegions === "detect"} />
                {t.detect}
              </label>
              <label className="flex items-center gap-2 text-sm">
                <input type="radio" name="regions" value="keep" defaultChecked={defaultRegions === "keep"} />
                {t.keep}
              </label>
            </fieldset>
            <div className="mt-3 flex flex-wrap gap-2">
              <button type="submit" disabled={busy} className="rounded bg-brand px-3 py-1 text-white hover:bg-brand-dark disabled:opacity-60">
                {applying ? t.applying : props.live ? t.apply : t.applyDraft}
              </button>
              <button type="submit" formAction={discard} data-action="discard" disabled={busy} className="rounded border border-neutral-600 px-3 py-1 disabled:opacity-60">
                {t.discard}
              </button>
            </div>
          </form>
        </div>
      </div>
      {status}
    </section>
  );
}
