import { getDb } from "@/lib/db/client";
import { editionDate, isoEditionDate } from "@/lib/time/edition-date";
import { mediaUrl } from "./urls";

export interface ImageVariantView {
  url: string;
  width: number;
  height: number;
}

export interface RegionView {
  /** Bounding box, 0..1 of the page image. */
  box: { x: number; y: number; w: number; h: number };
  /** The polygon relative to its box, as a CSS clip-path. */
  clipPath: string | null;
  articleId: string;
}

export interface PlacedArticleView {
  articleId: string;
  /** Order on this page, from 1. */
  position: number;
  /** 1 where the article starts, 2… on the pages it continues on (转版). */
  part: number;
  kicker: string | null;
  headline: string;
  subtitle: string | null;
  /** Where the article's URL lives: the page and position where it starts. */
  home: { pageNumber: string; position: number };
  /** Every page the article is on, in reading order. */
  parts: { pageNumber: string; part: number }[];
}

export interface PageView {
  number: string;
  name: string;
  image: { width: number; height: number; variants: ImageVariantView[] } | null;
  pdf: { url: string; byteSize: number } | null;
  articles: PlacedArticleView[];
  regions: RegionView[];
}

export interface EditionView {
  id: string;
  date: string;
  issueNumber: number | null;
  publishedAt: string | null;
  pages: PageView[];
}

/** A published edition with its published pages and articles, or null. */
export function findEditionView(publicationId: string, date: string): Promise<EditionView | null> {
  return loadEditionView(publicationId, date);
}

/**
 * The edition as readers will see it once published, for the dashboard's
 * preview (never cached): pages not withdrawn, stories ready or published.
 */
export function findEditionPreview(publicationId: string, date: string): Promise<EditionView | null> {
  return loadEditionView(publicationId, date, true);
}

async function loadEditionView(publicationId: string, date: string, preview = false): Promise<EditionView | null> {
  const visibleArticle = preview ? { status: { in: ["READY" as const, "PUBLISHED" as const] } } : { status: "PUBLISHED" as const };
  const visiblePage = preview ? { status: { not: "WITHDRAWN" as const } } : { status: "PUBLISHED" as const };
  const edition = await getDb().edition.findFirst({
    where: { publicationId, date: editionDate(date), ...(preview ? {} : { status: "PUBLISHED" as const }) },
    select: {
      id: true,
      date: true,
      issueNumber: true,
      publishedAt: true,
      pages: {
        where: visiblePage,
        orderBy: { position: "asc" },
        select: {
          number: true,
          name: true,
          pdfAsset: { select: { storageKey: true, byteSize: true } },
          imageAsset: { select: { width: true, height: true, derivatives: { orderBy: { width: "asc" } } } },
          regions: { where: { placement: { article: visibleArticle } }, select: { polygon: true, placement: { select: { articleId: true, position: true } } } },
          placements: {
            where: { article: visibleArticle },
            orderBy: { position: "asc" },
            select: {
              position: true,
              part: true,
              article: {
                select: {
                  id: true,
                  kicker: true,
                  headline: true,
                  subtitle: true,
                  placements: { orderBy: { part: "asc" }, select: { part: true, position: true, page: { select: { number: true, status: true, editionId: true } } } },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!edition) return null;

  return {
    id: edition.id,
    date: isoEditionDate(edition.date),
    issueNumber: edition.issueNumber,
    publishedAt: edition.publishedAt?.toISOString() ?? null,
    pages: edition.pages.map((page) => ({
      number: page.number,
      name: page.name,
      pdf: page.pdfAsset ? { url: mediaUrl(page.pdfAsset.storageKey), byteSize: page.pdfAsset.byteSize } : null,
      image:
        page.imageAsset?.width && page.imageAsset.height && page.imageAsset.derivatives.length
          ? {
              width: page.imageAsset.width,
              height: page.imageAsset.height,
              variants: page.imageAsset.derivatives.map((variant) => ({
                url: mediaUrl(variant.storageKey),
                width: variant.width,
                height: variant.height,
              })),
            }
          : null,
      articles: page.placements.map(({ position, part, article }) => {
        const parts = article.placements.filter(
          (placement) => placement.page.editionId === edition.id && (preview ? placement.page.status !== "WITHDRAWN" : placement.page.status === "PUBLISHED"),
        );
        const home = parts[0] ?? { part, position, page: { number: page.number } };
        return {
          articleId: article.id,
          position,
          part,
          kicker: article.kicker,
          headline: article.headline,
          subtitle: article.subtitle,
          home: { pageNumber: home.page.number, position: home.position },
          parts: parts.map((placement) => ({ pageNumber: placement.page.number, part: placement.part })),
        };
      }),
      regions: page.regions
        .filter((region) => region.placement)
        .sort((a, b) => a.placement!.position - b.placement!.position)
        .flatMap((region) => {
          const shape = regionShape(region.polygon);
          return shape ? [{ ...shape, articleId: region.placement!.articleId }] : [];
        }),
    })),
  };
}

/** Bounding box of a polygon ([[x, y], …] in 0..1) and the polygon as a clip-path inside it. */
export function regionShape(polygon: unknown): Pick<RegionView, "box" | "clipPath"> | null {
  if (!Array.isArray(polygon) || polygon.length < 3) return null;
  const points = polygon.filter(
    (point): point is [number, number] => Array.isArray(point) && point.length === 2 && point.every((n) => typeof n === "number" && n >= 0 && n <= 1),
  );
  if (points.length !== polygon.length) return null;
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const box = { x: Math.min(...xs), y: Math.min(...ys), w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys) };
  if (box.w <= 0 || box.h <= 0) return null;
  const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;
  const isRectangle =
    points.length === 4 &&
    points.every(([x, y]) => (near(x, box.x) || near(x, box.x + box.w)) && (near(y, box.y) || near(y, box.y + box.h)));
  const clipPath = isRectangle
    ? null
    : `polygon(${points.map(([x, y]) => `${(((x - box.x) / box.w) * 100).toFixed(2)}% ${(((y - box.y) / box.h) * 100).toFixed(2)}%`).join(", ")})`;
  return { box, clipPath };
}
