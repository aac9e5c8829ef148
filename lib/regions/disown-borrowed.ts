import type * as mupdf from "mupdf";

/**
 * mupdf.js 1.28 hands some callbacks a wrapper around a pointer it does not
 * own (the font in StructuredText.walk's onChar; the image and the shading a
 * Device's fillImage, fillShade and clipImageMask receive): it takes no
 * reference, yet registers the wrapper for dropping on garbage collection.
 * The extra drop corrupts the WASM heap and crashes much later, in an
 * unrelated finalizer ("memory access out of bounds" in fz_drop_font).
 * Forgetting such a wrapper at once, without dropping, keeps the count right.
 * (Paths are the opposite case: kept, but replayed from a display list they
 * live in the list's memory, so their wrappers must be dropped while the list
 * exists: see takeSegments in extract-graphics.ts.)
 */
export function disownBorrowed(object: mupdf.Font | mupdf.Image | mupdf.Shade): void {
  const registry = (object.constructor as unknown as { _finalizer?: FinalizationRegistry<number> })._finalizer;
  registry?.unregister(object);
  (object as unknown as { pointer: number }).pointer = 0;
}
