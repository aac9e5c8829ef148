import type { Metadata } from "next";
import { SiteFooter } from "@/components/reader/site-footer";
import { findLatestEdition } from "@/lib/editions/find-latest-edition";
import { formatEditionDateZh } from "@/lib/editions/edition-date";
import { findDefaultPublication } from "@/lib/publications/find-default-publication";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const publication = await findDefaultPublication();
  return { title: publication ? `${publication.name} 数字报` : "数字报" };
}

export default async function ReaderHome() {
  const publication = await findDefaultPublication();
  if (!publication) {
    return (
      <main className="mx-auto max-w-3xl p-6">
        <h1 className="text-2xl font-bold">数字报</h1>
        <p className="mt-4">尚未设置报刊。请管理员登录后台完成设置。</p>
      </main>
    );
  }
  const edition = await findLatestEdition({ publicationId: publication.id });
  return (
    <div className="mx-auto max-w-5xl px-4">
      <header className="border-b-4 border-brand py-4">
        <p className="text-3xl font-bold text-brand">{publication.name}</p>
        {edition && (
          <p className="mt-1 text-sm text-neutral-700">
            {formatEditionDateZh(edition.date)}
            {edition.issueNumber ? ` 总第${edition.issueNumber}期` : ""}
          </p>
        )}
      </header>
      <main className="py-6">
        <h1 className="sr-only">{publication.name} 数字报</h1>
        {!edition ? (
          <p>暂无已出版的报纸。</p>
        ) : (
          <nav aria-label="版面导航">
            <ol className="grid gap-6 sm:grid-cols-2">
              {edition.pages.map((page) => (
                <li key={page.id} className="rounded border border-neutral-200 bg-white p-4">
                  <h2 className="font-bold">
                    第{page.number}版:{page.name}
                  </h2>
                  <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
                    {page.placements.map(({ article, part }) => (
                      <li key={article.id}>
                        {article.headline}
                        {part > 1 && <span className="text-neutral-500">(上接)</span>}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          </nav>
        )}
      </main>
      <SiteFooter publication={publication} />
    </div>
  );
}
