import { getDb } from "@/lib/db/client";
import { articleBodySchema, type ArticleBody } from "@/lib/articles/body";
import type { ImageVariantView } from "./find-edition-view";
import { mediaUrl } from "./urls";

export interface ArticleView {
  id: string;
  kicker: string | null;
  headline: string;
  subtitle: string | null;
  summary: string | null;
  body: ArticleBody;
  wordCount: number;
  publishedAt: string | null;
  updatedAt: string;
  bylines: { name: string; role: string; display: string }[];
  photos: {
    caption: string | null;
    credit: string | null;
    alt: string;
    width: number;
    height: number;
    src: string;
    variants: ImageVariantView[];
  }[];
  corrections: { text: string; publishedAt: string }[];
}

/** A published article's text, bylines, photos and corrections, or null. */
export function findArticleView(publicationId: string, articleId: string): Promise<ArticleView | null> {
  return loadArticleView(publicationId, articleId, false);
}

/** A story as readers will see it once published (ready or published), for the dashboard's preview; never cached. */
export function findArticlePreview(publicationId: string, articleId: string): Promise<ArticleView | null> {
  return loadArticleView(publicationId, articleId, true);
}

async function loadArticleView(publicationId: string, articleId: string, preview: boolean): Promise<ArticleView | null> {
  const article = await getDb().article.findFirst({
    where: { id: articleId, publicationId, status: preview ? { in: ["READY", "PUBLISHED"] } : "PUBLISHED" },
    include: {
      bylines: { orderBy: { position: "asc" } },
      photos: {
        orderBy: { position: "asc" },
        include: { photo: { include: { asset: { include: { derivatives: { orderBy: { width: "asc" } } } } } } },
      },
      corrections: { orderBy: { publishedAt: "asc" } },
    },
  });
  if (!article) return null;
  const body = articleBodySchema.safeParse(article.body);
  return {
    id: article.id,
    kicker: article.kicker,
    headline: article.headline,
    subtitle: article.subtitle,
    summary: article.summary,
    body: body.success ? body.data : { type: "doc", content: [] },
    wordCount: article.wordCount,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    updatedAt: article.updatedAt.toISOString(),
    bylines: article.bylines.map((byline) => ({ name: byline.name, role: byline.role, display: byline.display })),
    photos: article.photos.flatMap(({ photo, captionOverride }) => {
      const { asset } = photo;
      if (!asset.width || !asset.height) return [];
      const caption = captionOverride ?? photo.caption;
      return [
        {
          caption,
          credit: photo.credit,
          alt: photo.altText ?? caption ?? "",
          width: asset.width,
          height: asset.height,
          src: mediaUrl(asset.derivatives.at(-1)?.storageKey ?? asset.storageKey),
          variants: asset.derivatives.map((variant) => ({
            url: mediaUrl(variant.storageKey),
            width: variant.width,
            height: variant.height,
          })),
        },
      ];
    }),
    corrections: article.corrections.map((correction) => ({
      text: correction.text,
      publishedAt: correction.publishedAt.toISOString(),
    })),
  };
}
