import type { Metadata } from "next";
import { renderErrorFor } from "@/lib/pages/render-error";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EditionPdfUploader } from "@/components/dashboard/pages/edition-pdf-uploader";
import { RegionEditor } from "@/components/dashboard/pages/region-editor";
import { PageReplacementPanel } from "@/components/dashboard/pages/page-replacement-panel";
import { RenderStatus } from "@/components/dashboard/pages/render-status";
import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { getDashboardMessages } from "@/lib/i18n/dashboard-locale";
import { loadPageEditor } from "@/lib/pages/load-page-editor";
import { mediaUrl, srcSetOf } from "@/lib/reader/urls";
import { applyPageReplacementAction, createStoryFromRegionAction, discardPageReplacementAction, savePageRegionsAction } from "./actions";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ date: string; number: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { m } = await getDashboardMessages();
  const { number } = await params;
  return { title: `${decodeURIComponent(number)} · ${m.pages.title}` };
}

/** One printed page of an edition: its PDF, render status and region editor. */
export default async function PageEditorPage({ params }: Params) {
  const { date, number } = await params;
  const user = await requireUser();
  const { locale, m } = await getDashboardMessages();
  const t = m.pages;
  let data;
  try {
    data = await loadPageEditor({ db: getDb(), actor: user, date, number: decodeURIComponent(number) });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError) {
      return (
        <main>
          <p role="alert" className="rounded border border-red-300 bg-red-50 p-4 text-red-900">
            {error.messageFor(locale)}
          </p>
        </main>
      );
    }
    throw error;
  }

  const { page, edition, image } = data;
  const medium = image?.variants.find((variant) => variant.width >= 800) ?? image?.variants.at(-1);
  const editorImage =
    image && medium
      ? {
          src: mediaUrl(medium.storageKey),
          srcSet: srcSetOf(image.variants),
          width: image.width,
          height: image.height,
        }
      : null;
  const articleStatus = m.articleStatus as Record<string, string>;

  return (
    <main>
      <nav aria-label={t.otherPages} className="mb-4 flex flex-wrap items-center gap-3 text-sm">
        <Link href={`/admin/editions/${edition.date}`}>← {edition.date}</Link>
        {edition.pages.map((other) => (
          <Link
            key={other.id}
            href={`/admin/editions/${edition.date}/pages/${encodeURIComponent(other.number)}`}
            aria-current={other.id === page.id ? "page" : undefined}
            className="rounded px-2 py-0.5 aria-[current=page]:bg-neutral-900 aria-[current=page]:text-white"
          >
            {other.number}
          </Link>
        ))}
      </nav>
      <h1 className="text-2xl font-bold">{t.heading(edition.date, page.number, page.name)}</h1>
      <div className="mt-3">
        <RenderStatus status={page.renderStatus} error={renderErrorFor(page.renderError, locale)} hasImage={Boolean(editorImage)} locale={locale} />
      </div>
      {page.live && !data.replacement && <p className="mt-3 rounded border border-amber-300 bg-amber-50 p-3 text-amber-950">{t.replacement.livePage(page.number)}</p>}
      <PageReplacementPanel
        pageId={page.id}
        pageNumber={page.number}
        live={page.live}
        locale={locale}
        replacement={
          data.replacement
            ? {
                pdfAssetId: data.replacement.pdfAssetId,
                src: mediaUrl((data.replacement.variants.find((variant) => variant.width >= 800) ?? data.replacement.variants.at(-1))!.storageKey),
                srcSet: srcSetOf(data.replacement.variants),
                width: data.replacement.width,
                height: data.replacement.height,
                check: data.replacement.check,
              }
            : null
        }
        apply={applyPageReplacementAction}
        discard={discardPageReplacementAction}
      />
      <div className="mt-3">
        <EditionPdfUploader editionId={edition.id} pages={[{ id: page.id, number: page.number }]} locale={locale} />
      </div>
      <RegionEditor
        regionsVersion={data.regionsVersion}
        pageId={page.id}
        pageNumber={page.number}
        locale={locale}
        image={editorImage}
        placements={data.placements.map((placement) => ({
          id: placement.id,
          articleId: placement.articleId,
          headline: placement.headline || m.stories.untitled,
          label: `${placement.position}. ${placement.headline || m.stories.untitled}（${articleStatus[placement.status] ?? placement.status}${placement.part > 1 ? ` · ${placement.part}` : ""}）`,
        }))}
        regions={data.regions}
        textLayerIssue={page.textLayerIssue}
        save={savePageRegionsAction}
        createStory={createStoryFromRegionAction}
      />
    </main>
  );
}
