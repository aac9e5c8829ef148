import { pageLinks } from "@/lib/search-pages/search-request";

/** 上一页 · 1 … 4 5 6 … 50 · 下一页: plain links, the current page marked. */
export function SearchPager(props: { page: number; pages: number; hrefFor: (page: number) => string; t: (text: string) => string }) {
  const { page, pages, hrefFor, t } = props;
  if (pages <= 1) return null;
  const item = "inline-block min-w-9 rounded border px-2 py-1 text-center";
  return (
    <nav aria-label={t("搜索结果分页")} className="mt-6 print:hidden">
      <ul className="flex flex-wrap items-center gap-1 text-sm">
        <li>
          {page > 1 ? (
            <a href={hrefFor(page - 1)} rel="prev" className={`${item} border-neutral-300 no-underline hover:border-brand`}>
              {t("上一页")}
            </a>
          ) : (
            <span className={`${item} border-transparent text-neutral-600`}>{t("上一页")}</span>
          )}
        </li>
        {pageLinks(page, pages).map((link) =>
          link.kind === "gap" ? (
            <li key={link.key} aria-hidden="true" className="px-1 text-neutral-600">
              …
            </li>
          ) : (
            <li key={link.page}>
              <a
                href={hrefFor(link.page)}
                aria-label={t(`第${link.page}页`)}
                aria-current={link.page === page ? "page" : undefined}
                className={`${item} no-underline ${link.page === page ? "border-brand bg-brand font-bold text-white" : "border-neutral-300 hover:border-brand"}`}
              >
                {link.page}
              </a>
            </li>
          ),
        )}
        <li>
          {page < pages ? (
            <a href={hrefFor(page + 1)} rel="next" className={`${item} border-neutral-300 no-underline hover:border-brand`}>
              {t("下一页")}
            </a>
          ) : (
            <span className={`${item} border-transparent text-neutral-600`}>{t("下一页")}</span>
          )}
        </li>
      </ul>
    </nav>
  );
}
