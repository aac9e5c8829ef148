import { formatEditionDateZh } from "@/lib/time/edition-date";
import type { Script } from "@/lib/reader/script";
import { archiveUrl, inScript, publicationUrl, searchUrl, type PublicationRef } from "@/lib/reader/urls";
import { issueLabel } from "@/lib/reader/reader-labels";

/** Masthead: the paper's name, the edition's date with its weekday, search, 往期 (the archive), 简/繁. */
export function ReaderHeader(props: {
  publication: PublicationRef & { name: string };
  date?: string;
  issueNumber?: number | null;
  script: Script;
  currentPath: string;
  /** The query of the search page, kept in the header's search box. */
  query?: string;
  t: (text: string) => string;
}) {
  const { publication, date, issueNumber, script, currentPath, query, t } = props;
  return (
    <header className="border-b-4 border-brand print:border-b">
      <div className="mx-auto flex max-w-6xl flex-wrap items-end justify-between gap-2 px-4 py-3">
        <div>
          <a href={publicationUrl(publication)} className="text-2xl font-bold text-brand no-underline sm:text-3xl">
            {t(publication.name)}
          </a>
          {date && (
            <p className="mt-1 text-sm text-neutral-700">
              <time dateTime={date}>{t(formatEditionDateZh(new Date(`${date}T00:00:00Z`)))}</time>
              {issueNumber ? t(` ${issueLabel(issueNumber)}`) : ""}
            </p>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm print:hidden">
          {/* A plain GET form: works without JavaScript; the results page reads the URL. */}
          <form role="search" aria-label={t("站内搜索")} action={searchUrl(publication)} method="get" className="flex items-center gap-1">
            <label htmlFor="site-search" className="sr-only">
              {t("搜索本报文章")}
            </label>
            <input
              id="site-search"
              type="search"
              name="q"
              defaultValue={query}
              maxLength={100}
              placeholder={t("搜索")}
              className="w-36 rounded border border-neutral-400 bg-white px-2 py-1 placeholder:text-neutral-600 sm:w-44"
            />
            <button type="submit" className="rounded bg-brand px-3 py-1 text-white hover:bg-brand-dark">
              {t("搜索")}
            </button>
          </form>
          <a href={archiveUrl(publication)} className="underline">
            {t("往期")}
          </a>
          <nav aria-label={t("简繁切换")}>
            {script === "hans" ? (
              <>
                <span aria-current="true" className="font-bold">简</span>
                {" / "}
                <a href={inScript(currentPath, "hant")} data-script-choice="hant" lang="zh-Hant" hrefLang="zh-Hant" className="underline">
                  繁
                </a>
              </>
            ) : (
              <>
                <a href={inScript(currentPath, "hans")} data-script-choice="hans" lang="zh-CN" hrefLang="zh-CN" className="underline">
                  简
                </a>
                {" / "}
                <span aria-current="true" className="font-bold">繁</span>
              </>
            )}
          </nav>
        </div>
      </div>
    </header>
  );
}
