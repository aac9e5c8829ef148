import type { PageView } from "@/lib/reader/find-edition-view";
import { regionFragment } from "@/lib/reader/region-fragment";
import { srcSetOf } from "@/lib/reader/urls";

/**
 * The printed page image with each article's region (热区) as a real link over
 * it, named by the headline and in page order, so keyboard and screen-reader
 * users reach them as a list of links. Highlighted on hover and focus, and when
 * the URL's fragment names the article (#region-<id>, lib/reader/region-fragment.ts).
 */
export function PageImageMap(props: {
  page: PageView;
  label: string;
  hrefFor: (articleId: string) => string;
  headlineFor: (articleId: string) => string;
  /** The zoom view's copy at full size: the largest image, and no fragment ids (the page's own map has them). */
  zoomed?: boolean;
}) {
  const { page, label, hrefFor, headlineFor, zoomed = false } = props;
  const image = page.image;
  if (!image) return null;
  const largest = image.variants.at(-1)!;
  const srcSet = srcSetOf(image.variants);
  return (
    <figure className={zoomed ? "page-map relative m-0 w-[max(200vw,1200px)] bg-white" : "page-map relative mx-auto w-full max-w-[800px] border border-neutral-300 bg-white shadow-sm"}>
      <img
        src={zoomed ? largest.url : (image.variants.find((variant) => variant.width >= 800)?.url ?? largest.url)}
        srcSet={srcSet}
        sizes={zoomed ? "max(200vw, 1200px)" : "(min-width: 1024px) 600px, 100vw"}
        width={image.width}
        height={image.height}
        alt={label}
        className="block h-auto w-full"
        decoding="async"
        loading={zoomed ? "lazy" : undefined}
      />
      <ul className="m-0 list-none p-0">
        {page.regions.map((region, index) => (
          <li key={index}>
            <a
              // The article's first region carries the fragment's id (:target, and the browser scrolls to it).
              id={!zoomed && page.regions.findIndex((other) => other.articleId === region.articleId) === index ? regionFragment(region.articleId) : undefined}
              data-article-id={region.articleId}
              href={hrefFor(region.articleId)}
              aria-label={headlineFor(region.articleId)}
              className="region-link absolute block"
              style={{
                left: `${region.box.x * 100}%`,
                top: `${region.box.y * 100}%`,
                width: `${region.box.w * 100}%`,
                height: `${region.box.h * 100}%`,
                clipPath: region.clipPath ?? undefined,
              }}
            />
          </li>
        ))}
      </ul>
      <figcaption className="sr-only">{label}</figcaption>
    </figure>
  );
}
