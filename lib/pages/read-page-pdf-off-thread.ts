import { Worker } from "node:worker_threads";
import { PagePdfError } from "@/lib/media/render-page-pdf";
import type { RawImage } from "@/lib/media/image-variants";
import type { PageLayout } from "@/lib/regions/read-page-layout";
import type { PagePdfContents } from "./read-page-pdf";

export interface ThreadRequest {
  id: number;
  pdf: Uint8Array;
}

export type ThreadReply =
  | { id: number; image: RawImage; layout: PageLayout | null; layoutError?: string }
  | { id: number; error: string; pagePdfError: boolean; en?: string };

interface Pending {
  resolve: (contents: PagePdfContents) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
  nextId: number;
  idle?: NodeJS.Timeout;
}

const state = globalThis as unknown as { pagePdfThread?: Thread };

/**
 * An idle thread ends after this long and gives its memory back (about 150 MB
 * once it has read a page: WASM memory only grows); the next one takes about a
 * second to start (mupdf's WASM compiled again).
 */
const IDLE_MS = 60_000;

/**
 * readPagePdf (lib/pages/read-page-pdf.ts) on a worker thread: mupdf's work
 * (1–1.5 s a page of synchronous WASM) no longer holds the server's event loop,
 * so requests are answered while an edition's pages render. One thread,
 * started on first use and kept while pages come, ended after IDLE_MS without
 * work; requests queue on it. If the thread dies (mupdf aborts, runs out of
 * memory), the pages it was reading fail (FAILED, renderFailed), not the
 * server, and the next page starts a new thread.
 */
export function readPagePdfOffThread(pdf: Buffer): Promise<PagePdfContents> {
  const thread = (state.pagePdfThread ??= startThread());
  clearTimeout(thread.idle);
  const id = thread.nextId++;
  return new Promise<PagePdfContents>((resolve, reject) => {
    thread.pending.set(id, { resolve, reject });
    thread.worker.ref(); // until the reply: a script awaiting it must not exit first
    // A copy: the PDF buffer stays the caller's (region detection may fall back to it).
    thread.worker.postMessage({ id, pdf: new Uint8Array(pdf) } satisfies ThreadRequest);
  });
}

function startThread(): Thread {
  const worker = process.env.NEXT_RUNTIME
    ? // In Next.js (build and dev), in the form Turbopack recognises: it bundles the entry as a worker chunk of its own.
      new Worker(new URL("./read-page-pdf-thread.ts", import.meta.url), { name: "page-pdf" })
    : // Under tsx and Vitest the entry is TypeScript, loaded through tsx (a `--import tsx`
      // in execArgv does not reach a worker's entry on Node 20). The path is derived
      // from this module's, not written as `new URL(…)`, which the build would copy as an asset.
      new Worker(
        `import("tsx/esm/api").then(({ tsImport }) => tsImport(${JSON.stringify(import.meta.url.replace(/-off-thread\.ts$/, "-thread.ts"))}, ${JSON.stringify(import.meta.url)}))`,
        { eval: true, name: "page-pdf" },
      );
  const thread: Thread = { worker, pending: new Map<number, Pending>(), nextId: 1 };
  worker.on("message", (reply: ThreadReply) => {
    const waiting = thread.pending.get(reply.id);
    if (!waiting) return;
    thread.pending.delete(reply.id);
    if (thread.pending.size === 0) {
      // Idle, the thread does not keep the process alive (nor does the render worker's timer).
      worker.unref();
      thread.idle = setTimeout(() => {
        if (state.pagePdfThread === thread) state.pagePdfThread = undefined;
        void worker.terminate();
      }, IDLE_MS);
      thread.idle.unref();
    }
    if ("error" in reply) {
      waiting.reject(reply.pagePdfError ? new PagePdfError(reply.error, reply.en) : new Error(`Reading the page PDF failed (worker thread): ${reply.error}`));
      return;
    }
    // Structured cloning leaves a Uint8Array; the encoders expect a Buffer.
    const data = Buffer.from(reply.image.data.buffer, reply.image.data.byteOffset, reply.image.data.byteLength);
    const layoutError = reply.layoutError === undefined ? undefined : new Error(reply.layoutError);
    waiting.resolve({ image: { ...reply.image, data }, layout: reply.layout, ...(layoutError ? { layoutError } : {}) });
  });
  const fail = (error: Error) => {
    clearTimeout(thread.idle);
    if (state.pagePdfThread === thread) state.pagePdfThread = undefined;
    for (const waiting of thread.pending.values()) waiting.reject(error);
    thread.pending.clear();
  };
  worker.on("error", (error) => fail(new Error(`The page PDF thread failed: ${error.stack ?? error.message}`)));
  worker.on("exit", (code) => fail(new Error(`The page PDF thread stopped (exit code ${code})`)));
  return thread;
}
