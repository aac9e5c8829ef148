import type { ReactNode } from "react";

/**
 * 查看大图: the page image at full size in a view of its own over the page,
 * scrolled with the finger, its regions still links. Opened by a link to its
 * fragment (#page-zoom) and closed by one away from it: no JavaScript.
 */
export function PageZoom(props: { t: (text: string) => string; children: ReactNode }) {
  const { t, children } = props;
  return (
    <>
      <p className="mt-2 text-center text-sm print:hidden">
        <a href="#page-zoom" className="inline-flex min-h-11 items-center px-3">
          {t("查看大图")}
        </a>
      </p>
      <div id="page-zoom" className="page-zoom" role="dialog" aria-label={t("大图")}>
        <a href="#" className="page-zoom-close">
          {t("关闭大图")}
        </a>
        {children}
      </div>
    </>
  );
}
