import { readFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/config/env";
import { parseTrustedProxies } from "@/lib/http/client-address";
import { nodeHeaders, servedOverHttps } from "@/lib/http/served-over-https";
import type { Storage } from "@/lib/storage/storage";
import { createReaderFileServer, readerAssetUrl, type ReaderFileServer } from "./reader-file-server";
import type { RenderReaderDocument } from "./reader-documents";
import { renderPreview } from "./preview-reader-files";
import { readerFileServer, setReaderChangeRenderer, setReaderFileServer, setReaderPreviewRenderer } from "./reader-files-registry";
import { renderAllReaderFiles, renderReaderChange, type ReaderChange, type ReaderRendering } from "./render-reader-files";
import { readerKeys, readJson, writeJson, type RenderAllProgress, type SiteRoutes } from "./site-routes";
import { contentHash, storeAsset } from "./store-rendered-file";

/**
 * The reader's stylesheet as the server finds it: compiled at build time
 * beside the server (scripts/lib/reader-stylesheet.ts), or READER_STYLESHEET.
 */
export function readBuiltStylesheet(): Promise<Buffer> {
  const file = env().READER_STYLESHEET ?? path.join(process.cwd(), "reader.css");
  return readFile(/*turbopackIgnore: true*/ file).catch(() => {
    throw new Error(`The reader stylesheet ${file} is missing: build the app first (npm run build).`);
  });
}

/**
 * The rendering of this process: the stylesheet stored as a versioned asset,
 * and a version naming the build and stylesheet, so a new version of the app
 * renders every file again.
 */
export async function prepareReaderRendering(options: { storage: Storage; render: RenderReaderDocument; stylesheet: Buffer; buildId: string }): Promise<ReaderRendering> {
  const name = await storeAsset(options.storage, options.stylesheet, "css", "text/css");
  return { storage: options.storage, render: options.render, stylesheetHref: readerAssetUrl(name), version: contentHash(`${options.buildId} ${name}`) };
}

/**
 * At a server's boot: registers its renderer and fast path, and makes sure
 * the store holds this version's files. On an empty store (first start) the
 * server renders everything before it serves; after an upgrade it renders in
 * the background, serving the previous version's files meanwhile.
 */
export async function startReaderFiles(options: { rendering: ReaderRendering; log: (line: string) => void; onRenderedAll?: () => void; retryMs?: number }): Promise<ReaderFileServer> {
  const { rendering, log } = options;
  const renderEverything = renderAllInBackground(rendering, options);
  const renderAgainLater = retryFailedChanges(rendering, options);
  // A settings change renders every file: in the background, its progress in the store for the dashboard.
  setReaderChangeRenderer((change) => (change.kind === "publications" ? renderEverything() : renderReaderChange(rendering, change).catch(renderAgainLater(change))));
  setReaderPreviewRenderer((request) => renderPreview(rendering, request));
  const https = { siteUrl: env().NEXTAUTH_URL, trustedProxies: parseTrustedProxies(env().TRUSTED_PROXIES) };
  const server = createReaderFileServer({ storage: rendering.storage, overHttps: (request) => servedOverHttps(nodeHeaders(request.headers), https) });
  setReaderFileServer(server);
  const site = await readJson<SiteRoutes>(rendering.storage, readerKeys.site());
  if (site?.version === rendering.version) return server;
  if (site) {
    void renderEverything();
    return server;
  }
  const started = Date.now();
  let last = 0;
  await renderAllReaderFiles(rendering, ({ done, total }) => {
    if (done === total || Date.now() - last > 5000) {
      last = Date.now();
      log(`Rendering the reader pages: ${done}/${total}`);
    }
  });
  log(`The reader pages are rendered (${((Date.now() - started) / 1000).toFixed(1)} s).`);
  return server;
}

/**
 * A change whose files could not be rendered (the store unreachable) is
 * committed all the same: it is rendered again every `retryMs` (10 s) until it
 * works, in the order the changes came, while the error still reaches the
 * caller (who logs it). Lost only if the process stops first: `npm run render -- --all` then.
 */
function retryFailedChanges(everything: ReaderRendering, options: { log: (line: string) => void; retryMs?: number }) {
  // The failure may have come after a route table and before the copies by URL it switched to: write them all again.
  const rendering = { ...everything, rewriteCopies: true };
  const pending: ReaderChange[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  const retry = async () => {
    // One retry at a time: a slow one must not be overtaken by the next tick.
    if (running) return;
    running = true;
    try {
      await retryPending();
    } finally {
      running = false;
    }
  };
  const retryPending = async () => {
    while (pending.length > 0) {
      try {
        await renderReaderChange(rendering, pending[0]!);
      } catch {
        return;
      }
      options.log(`Rendered the reader files of an earlier change at last (${JSON.stringify(pending.shift())}).`);
      readerFileServer()?.forget();
    }
    clearInterval(timer);
    timer = undefined;
  };
  return (change: ReaderChange) => (error: unknown) => {
    pending.push(change);
    timer ??= setInterval(() => void retry(), options.retryMs ?? 10_000);
    timer.unref?.();
    throw error;
  };
}

/**
 * Starts rendering every file unless it is running already (then it runs once
 * more when done, to include the latest change); resolves at once. Progress
 * goes to the store (reader/routes/progress.json) at most twice a second, so
 * every instance's dashboard can show it; `onRenderedAll` tells the other
 * instances and the CDN when the new files are in place.
 */
function renderAllInBackground(rendering: ReaderRendering, options: { log: (line: string) => void; onRenderedAll?: () => void }): () => Promise<void> {
  let running = false;
  let again = false;
  const run = async () => {
    running = true;
    do {
      again = false;
      const progress: RenderAllProgress = { startedAt: new Date().toISOString(), done: 0, total: 0, finishedAt: null, failed: null };
      let written = 0;
      try {
        await writeJson(rendering.storage, readerKeys.progress(), progress);
        await renderAllReaderFiles(rendering, ({ done, total }) => {
          Object.assign(progress, { done, total });
          if (Date.now() - written < 500) return;
          written = Date.now();
          void writeJson(rendering.storage, readerKeys.progress(), progress).catch(() => {});
        });
      } catch (error) {
        progress.failed = error instanceof Error ? error.message : String(error);
        options.log(`Could not render the reader pages: ${progress.failed}`);
      }
      progress.finishedAt = new Date().toISOString();
      await writeJson(rendering.storage, readerKeys.progress(), progress).catch(() => {});
      try {
        options.onRenderedAll?.();
      } catch (error) {
        options.log(`Could not announce the new reader pages: ${error instanceof Error ? error.message : String(error)}`);
      }
    } while (again);
    running = false;
  };
  return async () => {
    if (running) again = true;
    else void run();
  };
}
