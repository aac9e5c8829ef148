import type { TextLayerIssue } from "@/lib/db/generated/enums";
import { pageMessages } from "@/lib/i18n/messages/pages";

/** Why detection found no stories on this page and the editor must draw the regions (pages.text_layer_issue). */
export function TextLayerNotice(props: { issue: TextLayerIssue; locale: "zh-CN" | "en" }) {
  return (
    <p role="note" data-text-layer-issue={props.issue} className="mt-2 rounded border border-amber-500 bg-amber-50 p-3 font-medium text-amber-950">
      {pageMessages[props.locale].textLayer[props.issue]}
    </p>
  );
}
