import type { ReaderContext, RenderAssets } from "@/lib/reader-files/reader-documents";
import { publicationUrl } from "@/lib/reader/urls";
import { DocumentShell } from "./document-shell";

/** Unknown or unpublished dates, pages and articles: a way back, never a glimpse. */
export function NotFoundDocument({ context, assets }: { context: ReaderContext; assets: RenderAssets }) {
  const { t, publication } = context;
  return (
    <DocumentShell context={context} head={{ title: t(`找不到这一页 - ${publication.name}`) }} assets={assets}>
      <main className="mx-auto max-w-xl px-4 py-24 text-center">
        <h1 className="text-2xl font-bold">{t("找不到这一页")}</h1>
        <p className="mt-4 text-neutral-700">{t("您要找的报纸、版面或文章不存在，或尚未出版。")}</p>
        <p className="mt-8">
          <a href={publicationUrl(publication)} className="rounded bg-brand px-4 py-2 text-white no-underline hover:bg-brand-dark">
            {t("阅读最新一期")}
          </a>
        </p>
      </main>
    </DocumentShell>
  );
}
