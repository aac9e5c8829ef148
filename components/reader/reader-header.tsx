import Link from "next/link";
import { formatEditionDateZh } from "@/lib/editions/edition-date";
import type { Script } from "@/lib/reader/script";
import { publicationUrl, withScript, type PublicationRef } from "@/lib/reader/urls";

/** Masthead: the paper's name, the edition's date with its weekday, 简/繁. */
export function ReaderHeader(props: {
  publication: PublicationRef & { name: string };
  date?: string;
  issueNumber?: number | null;
  script: Script;
  currentPath: string;
  t: (text: string) => string;
}) {
  const { publication, date, issueNumber, script, currentPath, t } = props;
  return (
    <header className="border-b-4 border-brand print:border-b">
      <div className="mx-auto flex max-w-6xl flex-wrap items-end justify-between gap-2 px-4 py-3">
        <div>
          <Link href={publicationUrl(publication)} className="text-2xl font-bold text-brand no-underline sm:text-3xl">
            {t(publication.name)}
          </Link>
          {date && (
            <p className="mt-1 text-sm text-neutral-700">
              <time dateTime={date}>{t(formatEditionDateZh(new Date(`${date}T00:00:00Z`)))}</time>
              {issueNumber ? t(` 总第${issueNumber}期`) : ""}
            </p>
          )}
        </div>
        <nav aria-label={t("简繁切换")} className="text-sm print:hidden">
          {script === "hans" ? (
            <>
              <span aria-current="true" className="font-bold">简</span>
              {" / "}
              <a href={withScript(currentPath, "hant")} lang="zh-Hant" hrefLang="zh-Hant" className="underline">
                繁
              </a>
            </>
          ) : (
            <>
              <a href={withScript(currentPath, "hans")} lang="zh-CN" hrefLang="zh-CN" className="underline">
                简
              </a>
              {" / "}
              <span aria-current="true" className="font-bold">繁</span>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
