import { SWIPE_SCRIPT } from "@/lib/reader/inline-scripts.js";

/**
 * Turns the page from beside the page image: 上一版 / 下一版 as large buttons
 * (links, so they work without JavaScript), and a swipe across the image
 * follows them (a few lines of inline script).
 */
export function PageTurner(props: { previousHref?: string; nextHref?: string; t: (text: string) => string }) {
  const { previousHref, nextHref, t } = props;
  const button = "flex min-h-11 min-w-24 items-center justify-center rounded border px-3 py-2 text-sm no-underline";
  return (
    <nav aria-label={t("版面翻页")} className="page-turner mt-2 flex justify-between gap-3 print:hidden">
      {previousHref ? (
        <a href={previousHref} rel="prev" className={`${button} border-brand bg-white text-brand`}>
          ‹ {t("上一版")}
        </a>
      ) : (
        <span className={`${button} border-neutral-300 text-neutral-600`}>‹ {t("上一版")}</span>
      )}
      {nextHref ? (
        <a href={nextHref} rel="next" className={`${button} border-brand bg-white text-brand`}>
          {t("下一版")} ›
        </a>
      ) : (
        <span className={`${button} border-neutral-300 text-neutral-600`}>{t("下一版")} ›</span>
      )}
      <script dangerouslySetInnerHTML={{ __html: SWIPE_SCRIPT }} />
    </nav>
  );
}
