import { FONT_SIZE_SCRIPT } from "@/lib/reader/inline-scripts.js";

/** 放大 / 缩小 / 默认: the article text size, remembered across articles and visits (a few lines of inline script). */
export function FontSizeControls({ labels }: { labels: { larger: string; smaller: string; reset: string; group: string } }) {
  const button = "min-h-11 min-w-11 rounded border border-neutral-300 bg-white px-2 py-0.5 text-sm hover:border-brand disabled:opacity-50 sm:min-h-0";
  return (
    <div role="group" aria-label={labels.group} className="flex gap-1 print:hidden">
      <button type="button" className={button} data-step="1">
        {labels.larger}
      </button>
      <button type="button" className={button} data-step="-1">
        {labels.smaller}
      </button>
      <button type="button" className={button} data-step="0" disabled>
        {labels.reset}
      </button>
      <script dangerouslySetInnerHTML={{ __html: FONT_SIZE_SCRIPT }} />
    </div>
  );
}
