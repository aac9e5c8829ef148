import { availableParallelism } from "node:os";
import pLimit from "p-limit";
import sharp from "sharp";
import { imageTooLarge, unreadableImage } from "./photos/photo-errors";

// Decoding is where an image costs memory: a 31 KB PNG can declare
// 16000×16000 pixels (1 GB decoded). Every uploaded or imported image is
// measured from its header first and refused above the cap, and decodes run
// a few at a time, so a burst of large photos queues instead of stalling
// search and the dashboard.

/** 50 megapixels: a full-frame camera's 45–47 Mpx photo passes, a pixel flood does not. */
export const MAX_IMAGE_PIXELS = 50_000_000;

/** At most one decode per core, at least two. */
const decodeSlots = pLimit(Math.max(2, availableParallelism()));

/** Runs a decode-and-encode step in the process-wide queue. */
export function inDecodeQueue<T>(work: () => Promise<T>): Promise<T> {
  return decodeSlots(work);
}

/** The image's size from its header (nothing is decoded); refused when larger than the cap or unreadable. */
export async function checkImageSize(data: Buffer): Promise<{ width: number; height: number }> {
  const meta = await sharp(data).metadata().catch(() => null);
  if (!meta?.width || !meta.height) throw unreadableImage();
  if (meta.width * meta.height > MAX_IMAGE_PIXELS) throw imageTooLarge(meta.width, meta.height, MAX_IMAGE_PIXELS);
  return { width: meta.width, height: meta.height };
}
