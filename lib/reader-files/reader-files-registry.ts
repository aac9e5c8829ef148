import type { PreviewAnswer, PreviewRequest } from "./preview-reader-files";
import type { ReaderFileServer } from "./reader-file-server";
import type { ReaderChange } from "./render-reader-files";

// Set once per process: by the server at boot (lib/db/prepare-on-boot.ts,
// with the renderer instrumentation.ts hands it) and by the commands that
// publish (npm run import, npm run render). On globalThis: Next bundles
// instrumentation and the app's actions apart, each with its own copy of
// these modules (and of their classes), so an action calls the functions the
// boot code registered, and scripts/standalone-server.mjs finds the file server here.

/** Renders the files a change affects (render-reader-files.ts, bound to this process's rendering). */
export type ReaderChangeRenderer = (change: ReaderChange) => Promise<void>;

/** Renders a dashboard preview (preview-reader-files.ts, bound to this process's rendering). */
export type ReaderPreviewRenderer = (request: PreviewRequest) => Promise<PreviewAnswer>;

const registry = globalThis as {
  newsroomReaderChangeRenderer?: ReaderChangeRenderer;
  newsroomReaderPreviewRenderer?: ReaderPreviewRenderer;
  newsroomReaderFileServer?: ReaderFileServer;
};

export function setReaderPreviewRenderer(renderer: ReaderPreviewRenderer | undefined): void {
  registry.newsroomReaderPreviewRenderer = renderer;
}

export function readerPreviewRenderer(): ReaderPreviewRenderer | undefined {
  return registry.newsroomReaderPreviewRenderer;
}

export function setReaderChangeRenderer(renderer: ReaderChangeRenderer | undefined): void {
  registry.newsroomReaderChangeRenderer = renderer;
}

export function readerChangeRenderer(): ReaderChangeRenderer | undefined {
  return registry.newsroomReaderChangeRenderer;
}

export function setReaderFileServer(server: ReaderFileServer | undefined): void {
  registry.newsroomReaderFileServer = server;
}

export function readerFileServer(): ReaderFileServer | undefined {
  return registry.newsroomReaderFileServer;
}
