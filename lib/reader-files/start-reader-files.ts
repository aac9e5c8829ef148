import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Storage } from "@/lib/storage/storage";
import { createReaderFileServer, readerAssetUrl, type ReaderFileServer } from "./reader-file-server";
import type { RenderReaderDocument } from "./reader-documents";
import { renderPreview } from "./preview-reader-files";
import { setReaderChangeRenderer, setReaderFileServer, setReaderPreviewRenderer } from "./reader-files-registry";
import { renderAllReaderFiles, renderReaderChange, type ReaderRendering } from "./render-reader-files";
import { readerKeys, readJson, type SiteRoutes } from "./site-routes";
import { contentHash, storeAsset } from "./store-rendered-file";

/**
 * The reader's stylesheet as the server finds it: compiled at build time
 * beside the server (scripts/lib/reader-stylesheet.ts), or READER_STYLESHEET.
 */
export function readBuiltStylesheet(): Promise<Buffer> {
  const file = process.env.READER_STYLESHEET ?? path.join(process.cwd(), "reader.css");
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
export async function startReaderFiles(options: { rendering: ReaderRendering; log: (line: string) => void }): Promise<ReaderFileServer> {
  const { rendering, log } = options;
  setReaderChangeRenderer((change) => renderReaderChange(rendering, change));
  setReaderPreviewRenderer((request) => renderPreview(rendering, request));
  const server = createReaderFileServer({ storage: rendering.storage });
  setReaderFileServer(server);
  const site = await readJson<SiteRoutes>(rendering.storage, readerKeys.site());
  if (site?.version === rendering.version) return server;
  const renderAll = async () => {
    const started = Date.now();
    let last = 0;
    await renderAllReaderFiles(rendering, ({ done, total }) => {
      if (done === total || Date.now() - last > 5000) {
        last = Date.now();
        log(`Rendering the reader pages: ${done}/${total}`);
      }
    });
    server.forget();
    log(`The reader pages are rendered (${((Date.now() - started) / 1000).toFixed(1)} s).`);
  };
  if (!site) await renderAll();
  else void renderAll().catch((error: unknown) => log(`Could not render the reader pages: ${error instanceof Error ? error.message : String(error)}`));
  return server;
}
