import type { PageView } from "@/lib/reader/find-edition-view";

/** 版面导航: every page of the edition with its thumbnail, the current one marked. */
export function PageNavigation(props: {
  pages: PageView[];
  current?: string;
  hrefFor: (pageNumber: string) => string;
  t: (text: string) => string;
}) {
  const { pages, current, hrefFor, t } = props;
  return (
    <nav aria-labelledby="page-nav-heading" className="print:hidden">
      <h2 id="page-nav-heading" className="mb-2 text-base font-bold">
        {t("版面导航")}
      </h2>
      <ol className="grid grid-cols-4 gap-2 sm:grid-cols-4">
        {pages.map((page) => {
          const thumb = page.image?.variants[0];
          const isCurrent = page.number === current;
          return (
            <li key={page.number}>
              <a
                href={hrefFor(page.number)}
                aria-current={isCurrent ? "page" : undefined}
                className={`block rounded border p-1 text-center text-xs no-underline ${isCurrent ? "border-brand bg-red-50 font-bold" : "border-neutral-300 bg-white hover:border-brand"}`}
              >
                {thumb ? (
                  <img src={thumb.url} width={thumb.width} height={thumb.height} alt="" loading="lazy" className="mb-1 h-auto w-full" />
                ) : (
                  <span aria-hidden="true" className="mb-1 flex aspect-[5/7] items-center justify-center bg-neutral-100 text-neutral-600">
                    {page.number}
                  </span>
                )}
                <span className="block">{page.number}</span>
                <span className="block truncate">{t(page.name)}</span>
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
