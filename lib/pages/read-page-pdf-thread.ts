// Worker thread entry (lib/pages/read-page-pdf-off-thread.ts starts it): reads
// page PDFs with mupdf, one message at a time, off the server's event loop.
import { parentPort } from "node:worker_threads";
import { PagePdfError } from "@/lib/media/render-page-pdf";
import { readPagePdf } from "./read-page-pdf";
import type { ThreadReply, ThreadRequest } from "./read-page-pdf-off-thread";

const port = parentPort;
if (!port) throw new Error("read-page-pdf-thread runs as a worker thread only");

port.on("message", ({ id, pdf }: ThreadRequest) => {
  let reply: ThreadReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const { image, layout, layoutError } = readPagePdf(pdf);
    reply = { id, image, layout, layoutError: layoutError === undefined ? undefined : describe(layoutError) };
    // The pixels (24 MB at 2400 px) move to the main thread rather than being copied.
    if (image.data.byteOffset === 0 && image.data.byteLength === image.data.buffer.byteLength) transfer = [image.data.buffer as ArrayBuffer];
  } catch (error) {
    reply = { id, error: describe(error), pagePdfError: error instanceof PagePdfError, ...(error instanceof PagePdfError ? { en: error.en } : {}) };
  }
  port.postMessage(reply, transfer);
});

function describe(error: unknown): string {
  return error instanceof PagePdfError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
}
