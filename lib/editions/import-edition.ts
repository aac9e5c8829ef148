import { Prisma } from "@/lib/db/generated/client";
import type { Db, Tx } from "@/lib/db/client";
import type { ArticleStatus, BylineRole } from "@/lib/db/generated/enums";
import { bodyFromBlocks } from "@/lib/articles/body";
import { bylineRoleFromLabel, formatByline } from "@/lib/people/byline";
import { bylineDisplay, emptyStoryContent, storyContentFrom, storyContentSelect, storyWordCount, type StoryContent } from "@/lib/stories/story-content";
import { writeStoryContent } from "@/lib/stories/write-story";
import type { Storage } from "@/lib/storage/storage";
import { checkImageSize, inDecodeQueue } from "@/lib/media/decode-limits";
import { makePhotoMaster } from "@/lib/media/photos/make-photo-master";
import { removeUnusedAssets } from "@/lib/media/remove-unused-assets";
import { assetStorageKey, storeAsset } from "@/lib/media/store-asset";
import { PagePdfError } from "@/lib/media/render-page-pdf";
import type { PagePdfContents } from "@/lib/pages/read-page-pdf";
import { readPagePdfOffThread } from "@/lib/pages/read-page-pdf-off-thread";
import { isLivePage } from "@/lib/pages/page-pdf-replacement";
import { encodePageImage } from "@/lib/pages/store-page-image";
import { pageMessages } from "@/lib/i18n/messages/pages";
import type { PageLayout } from "@/lib/regions/read-page-layout";
import { parsePageNumber, type EditionManifest, type ManifestStory, type ManifestStoryStatus } from "./manifest-schema";
import { AppError } from "@/lib/errors/app-error";
import { folderSource, type ImportFrom } from "./edition-source";
import { problem } from "./manifest-problems";
import { readManifest, ManifestError, type ManifestFile } from "./read-manifest";
import { editionDate } from "@/lib/time/edition-date";
import { reindexEditionArticles } from "@/lib/search/index-article";
import { findDefaultPublication } from "@/lib/publications/default-publication";

export interface ImportEditionReport {
  editionId: string;
  date: string;
  pages: number;
  articlesCreated: number;
  articlesUpdated: number;
  published: boolean;
}

/**
 * Creates or updates a whole edition from an import folder (manifest.json + files),
 * on disk (`folder`) or uploaded (`source`).
 * Stories are matched by their manifest id, else by date + page + headline, so a
 * second run changes nothing. Files are stored first (content-addressed, so a
 * failed import leaves no reference to them); all rows are written in one transaction.
 *
 * The printed paper is the authority for its text: an existing story takes the
 * manifest's text whatever its status, as a new version with a revision (note
 * "import") when something changed. New stories are ready copy (待发) unless the
 * manifest says draft; see `importedStatus` for existing ones. In a published
 * edition (or with `publish`), ready stories and new pages are published with it.
 */
export async function importEdition(
  options: {
    db: Db;
    storage: Storage;
    /** Publish the edition and its stories (the demo). */
    publish?: boolean;
    publishedAt?: Date;
    actorId?: string;
    /** Writes an `edition.import` audit entry in the import's transaction, with `via` (the command, the dashboard). */
    audit?: { via: string };
    /** Receives each page's layout, read with its image, so region detection need not open the PDF again. */
    onPageLayout?: (pageNumber: string, layout: PageLayout | null) => void;
  } & ImportFrom,
): Promise<ImportEditionReport> {
  const { db, storage, actorId } = options;
  const { manifest, files } = await readManifest(options.source ?? folderSource(options.folder!));
  // Everything that can refuse the import happens before anything is stored.
  const renders = await readPagePdfs(manifest, files);
  await refuseLivePageReplacements(db, manifest, files);
  const masters = await photoMasters(manifest, files);
  const stored = new Map<string, string>();
  const pageImages = new Map<string, string>();
  try {
    for (const file of files.values()) {
      const isPdf = file.mimeType === "application/pdf";
      const data = isPdf ? file.data : masters.get(file.name)!;
      stored.set(file.name, await storeAsset({ db, storage, actorId, data, mimeType: file.mimeType, kind: isPdf ? "PAGE_PDF" : "PHOTO", originalName: file.name }));
      const render = renders.get(file.name);
      if (render) {
        const { png, variants } = await encodePageImage(render.image);
        pageImages.set(file.name, await storeAsset({ db, storage, actorId, data: png, mimeType: "image/png", kind: "PAGE_IMAGE", variants }));
      }
    }
    for (const page of manifest.pages) {
      const render = page.pdf ? renders.get(page.pdf) : undefined;
      if (render) options.onPageLayout?.(page.number, render.layout);
    }

    return await options.db.$transaction(
      async (tx) => {
        const publication = await findPublication(tx, manifest.publication);
        // Two imports of the same edition (the command and the dashboard, two editors) run one after the other.
        await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${`edition-import:${publication.id}:${manifest.date}`}))`;
        const date = editionDate(manifest.date);
        const publish = options.publish ?? false;
        const publishedAt = publish ? (options.publishedAt ?? new Date()) : null;
        const before = await tx.edition.findUnique({ where: { publicationId_date: { publicationId: publication.id, date } }, select: { status: true } });
        // A published edition stays published: what the import adds to it is published with it.
        const live = publish || before?.status === "PUBLISHED";

        const edition = await tx.edition.upsert({
          where: { publicationId_date: { publicationId: publication.id, date } },
          create: {
            publicationId: publication.id,
            date,
            issueNumber: manifest.issueNumber ?? null,
            status: publish ? "PUBLISHED" : "PLANNING",
            publishedAt,
            publishedById: publish ? (options.actorId ?? null) : null,
          },
          update: {
            issueNumber: manifest.issueNumber ?? undefined,
            ...(publish ? { status: "PUBLISHED", publishedAt, publishedById: options.actorId ?? null } : {}),
          },
        });

        const report: ImportEditionReport = {
          editionId: edition.id,
          date: manifest.date,
          pages: manifest.pages.length,
          articlesCreated: 0,
          articlesUpdated: 0,
          published: publish,
        };
        const context: StoryContext = { tx, publicationId: publication.id, manifest, stored, live, publishedAt: publishedAt ?? new Date(), actorId: options.actorId };

        for (const [index, pageInput] of manifest.pages.entries()) {
          const pageName = await tx.pageName.upsert({
            where: { publicationId_name: { publicationId: publication.id, name: pageInput.name } },
            create: { publicationId: publication.id, name: pageInput.name, defaultNumber: pageInput.number, position: index + 1 },
            update: {},
          });
          const pageData = {
            section: parsePageNumber(pageInput.number).section,
            position: index + 1,
            name: pageInput.name,
            pageNameId: pageName.id,
            pdfAssetId: pageInput.pdf ? stored.get(pageInput.pdf) : undefined,
            imageAssetId: pageInput.pdf ? pageImages.get(pageInput.pdf) : undefined,
            // Rendered during the import itself.
            renderStatus: pageInput.pdf ? ("READY" as const) : undefined,
            renderError: pageInput.pdf ? null : undefined,
          };
          const page = await tx.page.upsert({
            where: { editionId_number: { editionId: edition.id, number: pageInput.number } },
            // A page new to a published edition is published; an existing page keeps its status (a withdrawn page stays withdrawn) unless `publish`.
            create: { editionId: edition.id, number: pageInput.number, ...pageData, status: live ? "PUBLISHED" : "PLANNING" },
            update: { ...pageData, status: publish ? "PUBLISHED" : undefined },
          });

          for (const [order, story] of pageInput.stories.entries()) {
            const { articleId, created } = await upsertStory(context, story, pageInput.number);
            const continuation = isContinuation(manifest, story, pageInput.number);
            if (created) report.articlesCreated += 1;
            else if (!continuation) report.articlesUpdated += 1;
            const part = continuation ? 2 : 1;
            await tx.placement.upsert({
              where: { pageId_articleId: { pageId: page.id, articleId } },
              create: { pageId: page.id, articleId, position: order + 1, part },
              update: { position: order + 1, part },
            });
          }
        }
        if (options.audit) {
          await tx.auditLog.create({
            data: {
              actorId: actorId ?? null,
              action: "edition.import",
              entityType: "edition",
              entityId: edition.id,
              data: { date: manifest.date, pages: report.pages, articlesCreated: report.articlesCreated, articlesUpdated: report.articlesUpdated, files: files.size, via: options.audit.via },
            },
          });
        }
        // Created, updated and published stories: the search index follows in the same transaction.
        await reindexEditionArticles(tx, edition.id);
        return report;
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    // Nothing of a refused or failed import stays behind: files it stored are removed with their rows.
    await removeUnusedAssets({ db, storage, assetIds: [...stored.values(), ...pageImages.values()] }).catch(() => {});
    throw error;
  }
}

interface StoryContext {
  tx: Tx;
  publicationId: string;
  manifest: EditionManifest;
  stored: Map<string, string>;
  /** The edition is (or with `publish` becomes) published: its ready stories are published. */
  live: boolean;
  publishedAt: Date;
  actorId?: string;
}

/** The second appearance of a story id in the manifest is its continuation (转版). */
function isContinuation(manifest: EditionManifest, story: ManifestStory, pageNumber: string): boolean {
  if (!story.id) return false;
  const first = manifest.pages.find((page) => page.stories.some((s) => s.id === story.id));
  return first !== undefined && first.number !== pageNumber;
}

/**
 * The status an imported story ends with. The manifest's status (待发 unless it
 * says draft) applies to a new story and to one still as an import leaves it
 * (草稿 or 待发); a story the newsroom has moved on (submitted, being edited,
 * published, killed) keeps its status: a re-import neither unpublishes nor
 * revives anything. In a published edition, ready copy is published.
 */
export function importedStatus(wanted: ManifestStoryStatus, live: boolean, current?: ArticleStatus): ArticleStatus {
  if (current && current !== "DRAFT" && current !== "READY") return current;
  if (wanted === "draft") return "DRAFT";
  return live ? "PUBLISHED" : "READY";
}

async function upsertStory(context: StoryContext, story: ManifestStory, pageNumber: string) {
  const { tx, manifest } = context;
  const continuation = isContinuation(manifest, story, pageNumber);
  const existing = story.id
    ? await tx.article.findUnique({ where: { externalId: story.id }, select: { id: true } })
    : await tx.article.findFirst({
        where: {
          publicationId: context.publicationId,
          headline: story.headline,
          placements: { some: { page: { number: pageNumber, edition: { date: editionDate(manifest.date) } } } },
        },
        select: { id: true },
      });
  if (existing && continuation) {
    // The continuation's text is the rest of the same article: append once.
    return { articleId: existing.id, created: false };
  }

  // What the manifest says of the story, as the story editor's content.
  const imported = {
    kicker: story.kicker ?? null,
    headline: story.headline,
    subtitle: story.subtitle ?? null,
    body: bodyFromBlocks([...story.body, ...continuationBlocks(manifest, story, pageNumber)]),
    plannedDate: manifest.date,
    bylines: await importedBylines(context, story),
    noByline: story.noByline,
    photos: await importedPhotos(context, story),
  } satisfies Partial<StoryContent>;
  const published = (status: ArticleStatus) => (status === "PUBLISHED" ? { publishedAt: context.publishedAt, publishedById: context.actorId ?? null } : {});

  if (!existing) {
    const content: StoryContent = { ...emptyStoryContent(), ...imported };
    const status = importedStatus(story.status, context.live);
    const article = await tx.article.create({
      data: {
        publicationId: context.publicationId,
        externalId: story.id ?? null,
        createdById: context.actorId ?? null,
        kicker: content.kicker,
        headline: content.headline,
        subtitle: content.subtitle,
        body: content.body,
        wordCount: storyWordCount(content),
        plannedDate: editionDate(manifest.date),
        noByline: content.noByline,
        status,
        ...published(status),
      },
      select: { id: true, version: true },
    });
    await tx.byline.createMany({ data: content.bylines.map((byline, index) => ({ ...byline, articleId: article.id, display: bylineDisplay(byline), position: index + 1 })) });
    await tx.articlePhoto.createMany({ data: content.photos.map((photo, index) => ({ ...photo, articleId: article.id, position: index + 1 })) });
    // Version 1 in the story's history, as for a story written in the dashboard.
    await tx.revision.create({ data: { articleId: article.id, version: article.version, snapshot: content, note: "import", createdById: context.actorId ?? null } });
    return { articleId: article.id, created: true };
  }

  // Locked before it is read: an editor's save waits, then meets the new version as a conflict.
  await tx.$queryRaw(Prisma.sql`SELECT id FROM articles WHERE id = ${existing.id}::uuid FOR UPDATE`);
  const current = await tx.article.findUniqueOrThrow({ where: { id: existing.id }, select: { ...storyContentSelect, status: true, version: true } });
  // The newsroom's own fields (summary, notes, planned page, photo request) stay; nothing is written when nothing changed.
  await writeStoryContent({
    tx,
    actor: context.actorId ? { id: context.actorId } : null,
    storyId: existing.id,
    baseVersion: current.version,
    content: { ...storyContentFrom(current), ...imported },
    note: "import",
  });
  const status = importedStatus(story.status, context.live, current.status);
  if (status !== current.status) await tx.article.update({ where: { id: existing.id }, data: { status, ...published(status) } });
  return { articleId: existing.id, created: false };
}

/** Text a manifest gives on the page where the story continues, appended to its body. */
function continuationBlocks(manifest: EditionManifest, story: ManifestStory, pageNumber: string) {
  if (!story.id) return [];
  return manifest.pages
    .filter((page) => page.number !== pageNumber)
    .flatMap((page) => page.stories.filter((s) => s.id === story.id))
    .flatMap((s) => s.body);
}

/** The manifest's bylines, each with its person (found by name and organisation, else created). */
async function importedBylines(context: StoryContext, story: ManifestStory): Promise<StoryContent["bylines"]> {
  const bylines: StoryContent["bylines"] = [];
  for (const input of story.bylines) {
    const role: BylineRole = bylineRoleFromLabel(input.role) ?? "REPORTER";
    const person = await findOrCreatePerson(context.tx, context.publicationId, input.name, role, input.organisation);
    const organisation = input.organisation ?? null;
    bylines.push({ personId: person.id, name: input.name, role, organisation, display: input.display ?? formatByline({ name: input.name, role, organisation }) });
  }
  return bylines;
}

/** The manifest's photos as library photos (caption, credit, photographer from the manifest), in order, each once. */
async function importedPhotos(context: StoryContext, story: ManifestStory): Promise<StoryContent["photos"]> {
  const { tx } = context;
  const photos: StoryContent["photos"] = [];
  for (const input of story.photos) {
    const assetId = context.stored.get(input.file);
    if (!assetId) throw new ManifestError([problem(`${input.file}: 文件未保存`, `${input.file}: the file was not stored`)]);
    const photographer = input.photographer
      ? await findOrCreatePerson(tx, context.publicationId, input.photographer, "PHOTOGRAPHER", undefined)
      : null;
    const fields = {
      caption: input.caption ?? null,
      credit: input.credit ?? (input.photographer ? `${input.photographer} 摄` : null),
      altText: input.alt ?? input.caption ?? null,
      photographerId: photographer?.id ?? null,
    };
    const photo = await tx.photo.upsert({
      where: { assetId },
      create: { publicationId: context.publicationId, assetId, ...fields },
      update: fields,
    });
    // The same picture twice (or two files with the same bytes) is one photo of the story.
    if (!photos.some((entry) => entry.photoId === photo.id)) photos.push({ photoId: photo.id, captionOverride: null });
  }
  return photos;
}

async function findOrCreatePerson(
  tx: Tx,
  publicationId: string,
  name: string,
  role: BylineRole,
  organisation: string | undefined,
) {
  const existing = await tx.person.findFirst({
    where: { publicationId, name, organisation: organisation ?? null },
    orderBy: { createdAt: "asc" },
  });
  return existing ?? tx.person.create({ data: { publicationId, name, role, organisation: organisation ?? null } });
}

async function findPublication(tx: Tx, slug: string | undefined) {
  const publication = slug
    ? await tx.publication.findUnique({ where: { slug } })
    : await findDefaultPublication(tx);
  if (!publication) throw new ManifestError([problem(`publication: 找不到报刊 ${slug ?? "(默认)"}`, `publication: no publication ${slug ?? "(default)"}`)]);
  return publication;
}

/**
 * Each photo decoded and re-encoded upright and without EXIF (GPS, serials):
 * /media serves originals too. A photo that cannot be decoded refuses the
 * import, naming its field, before anything is stored.
 */
async function photoMasters(manifest: EditionManifest, files: Map<string, ManifestFile>): Promise<Map<string, Buffer>> {
  const masters = new Map<string, Buffer>();
  for (const [p, page] of manifest.pages.entries()) {
    for (const [s, story] of page.stories.entries()) {
      for (const [f, photo] of story.photos.entries()) {
        const file = files.get(photo.file);
        if (!file || file.mimeType === "application/pdf" || masters.has(file.name)) continue;
        try {
          await checkImageSize(file.data);
          const master = await inDecodeQueue(() => makePhotoMaster(file.data, file.mimeType as "image/jpeg" | "image/png" | "image/webp"));
          masters.set(file.name, master.data);
        } catch (error) {
          if (error instanceof AppError) {
            const field = `pages[${p}].stories[${s}].photos[${f}].file: ${photo.file}`;
            throw new ManifestError([problem(`${field} ${error.messageFor("zh-CN")}`, `${field} ${error.messageFor("en")}`)]);
          }
          throw error;
        }
      }
    }
  }
  return masters;
}

/**
 * Reads each page PDF into its page image and layout, on the page-reading thread
 * (read-page-pdf-off-thread.ts: an import in the dashboard does not hold the
 * server's event loop); a PDF that cannot be read refuses the import.
 */
async function readPagePdfs(manifest: EditionManifest, files: Map<string, ManifestFile>): Promise<Map<string, PagePdfContents>> {
  const contents = new Map<string, PagePdfContents>();
  for (const [index, page] of manifest.pages.entries()) {
    const file = page.pdf ? files.get(page.pdf) : undefined;
    if (!file || contents.has(file.name)) continue;
    try {
      contents.set(file.name, await readPagePdfOffThread(file.data));
    } catch (error) {
      if (error instanceof PagePdfError) throw new ManifestError([problem(`pages[${index}].pdf: ${error.message}`, `pages[${index}].pdf: ${error.en}`)]);
      throw error;
    }
  }
  return contents;
}

/**
 * A re-import that would give a page readers see (published, in a published
 * edition) another PDF is refused, naming the page's field: the page is
 * withdrawn first, as for an upload (lib/pages/page-pdf-replacement.ts). The
 * same PDF again changes nothing and passes. Checked before anything is stored.
 */
async function refuseLivePageReplacements(db: Db, manifest: EditionManifest, files: Map<string, ManifestFile>) {
  const publication = manifest.publication
    ? await db.publication.findUnique({ where: { slug: manifest.publication }, select: { id: true } })
    : await findDefaultPublication(db);
  if (!publication) return; // refused with its own message by the import
  const edition = await db.edition.findUnique({
    where: { publicationId_date: { publicationId: publication.id, date: editionDate(manifest.date) } },
    select: { status: true, pages: { select: { number: true, status: true, pdfAsset: { select: { storageKey: true } } } } },
  });
  if (!edition) return;
  const problems = manifest.pages.flatMap((pageInput, index) => {
    const file = pageInput.pdf ? files.get(pageInput.pdf) : undefined;
    const page = edition.pages.find((candidate) => candidate.number === pageInput.number);
    if (!file || !page || !isLivePage({ ...page, edition })) return [];
    if (page.pdfAsset?.storageKey === assetStorageKey(file.data, "application/pdf", "PAGE_PDF").key) return [];
    const field = `pages[${index}].pdf`;
    return [problem(`${field}: ${pageMessages["zh-CN"].errors.publishedPage(page.number)}`, `${field}: ${pageMessages.en.errors.publishedPage(page.number)}`)];
  });
  if (problems.length > 0) throw new ManifestError(problems);
}
