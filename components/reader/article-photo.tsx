import type { ArticleView } from "@/lib/reader/find-article-view";
import { srcSetOf } from "@/lib/reader/urls";

/** A photo as a figure: responsive sizes, real dimensions, alt text, caption and credit (邱昱 摄). */
export function ArticlePhoto({ photo, t, priority }: { photo: ArticleView["photos"][number]; t: (text: string) => string; priority: boolean }) {
  const srcSet = srcSetOf(photo.variants);
  const fallback = photo.variants.find((variant) => variant.width >= 960) ?? photo.variants.at(-1);
  return (
    <figure className="my-6">
      <img
        src={fallback?.url ?? photo.src}
        srcSet={srcSet || undefined}
        sizes="(min-width: 768px) 720px, 100vw"
        width={photo.width}
        height={photo.height}
        alt={t(photo.alt)}
        loading={priority ? "eager" : "lazy"}
        fetchPriority={priority ? "high" : undefined}
        decoding="async"
        className="h-auto w-full rounded-sm bg-neutral-100"
      />
      {(photo.caption || photo.credit) && (
        <figcaption className="mt-2 text-sm leading-6 text-neutral-700">
          {photo.caption && t(photo.caption)}
          {photo.credit && <span className="ml-2 whitespace-nowrap text-neutral-600">{t(photo.credit)}</span>}
        </figcaption>
      )}
    </figure>
  );
}
