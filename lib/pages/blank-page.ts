import type { RawImage } from "@/lib/media/image-variants";

/** A channel below this is ink, not paper (anti-aliased white is 250+). */
const INK_BELOW = 224;
/**
 * A page with fewer ink pixels than this share of its area shows nothing a
 * reader could see: at 2400 px wide, about 80 pixels, an anti-aliasing crumb.
 */
const MIN_INK_SHARE = 1e-5;

/**
 * Whether a page render is blank: (almost) every pixel white. A blank PDF from
 * the layout system (an empty export, a wrong artboard) would replace a page's
 * image with nothing and its regions with none, so it is refused wherever a
 * page PDF comes in. A page without a text layer that shows ink is a scan, not
 * a blank page: its regions are drawn by hand (pages.text_layer_issue).
 * Stops at the first rows with enough ink, so a real page costs little.
 */
export function isBlankPageImage(image: RawImage): boolean {
  const { data, channels } = image;
  const needed = Math.max(1, Math.ceil(image.width * image.height * MIN_INK_SHARE));
  let ink = 0;
  for (let index = 0; index < data.length; index += channels) {
    for (let channel = 0; channel < Math.min(channels, 3); channel += 1) {
      if (data[index + channel]! < INK_BELOW) {
        ink += 1;
        if (ink >= needed) return false;
        break;
      }
    }
  }
  return true;
}
