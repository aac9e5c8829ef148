import { createHash } from "node:crypto";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { assertSafeKey, type Storage } from "@/lib/storage/storage";
import { PAGE_CACHE_CONTROL, readerKeys, type FileRef } from "./site-routes";

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

export function contentHash(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex").slice(0, 40);
}

/** A rendered page and its compressed twins, compressed once, here, not per request. */
export interface RenderedBodies {
  html: Buffer;
  gz: Buffer;
  br: Buffer;
}

export interface StoredFile {
  ref: FileRef;
  /** Set when the page changed (or `rewrite`): what its copy by URL is written with (writeSiteCopy). */
  bodies?: RenderedBodies;
}

/**
 * Stores a rendered page with its gzip and brotli twins, unless an identical
 * page is stored already. `previous` is kept when nothing changed, so
 * Last-Modified stays true; `rewrite` returns the bodies even then (rendering
 * everything again writes every copy by URL).
 */
export async function storeRenderedFile(storage: Storage, html: string, previous?: FileRef, options: { rewrite?: boolean } = {}): Promise<StoredFile> {
  const data = Buffer.from(html);
  const hash = contentHash(data);
  if (previous?.hash === hash && !options.rewrite) return { ref: previous };
  const [gz, br] = await Promise.all([
    gzip(data, { level: 9 }),
    brotli(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 10, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
  ]);
  if (!(await storage.exists(readerKeys.file(hash, ".br")))) {
    // The .br twin last: its presence says the three are complete.
    await Promise.all([storage.put(readerKeys.file(hash), data, "text/html"), storage.put(readerKeys.file(hash, ".gz"), gz, "application/gzip")]);
    await storage.put(readerKeys.file(hash, ".br"), br, "application/x-brotli");
  }
  return { ref: previous?.hash === hash ? previous : { hash, modified: new Date().toUTCString() }, bodies: { html: data, gz, br } };
}

/** Stores a versioned asset (the stylesheet) under its content hash; returns its name. */
export async function storeAsset(storage: Storage, data: Buffer, extension: string, contentType: string): Promise<string> {
  const name = `${contentHash(data)}.${extension}`;
  if (!(await storage.exists(readerKeys.asset(name)))) await storage.put(readerKeys.asset(name), data, contentType);
  return name;
}

/** Whether a reader URL can name a copy in the store (a page number of other characters is served by the app alone). */
function hasSiteCopy(url: string): boolean {
  try {
    assertSafeKey(readerKeys.siteCopy(url));
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes a page's copy by URL, in the three encodings, with the headers an
 * object store sends to nginx reading it (deploy/nginx.conf): the encoding and
 * the pages' Cache-Control.
 */
export async function writeSiteCopy(storage: Storage, url: string, bodies: RenderedBodies): Promise<void> {
  if (!hasSiteCopy(url)) return;
  const headers = { cacheControl: PAGE_CACHE_CONTROL };
  const type = "text/html; charset=utf-8";
  await Promise.all([
    storage.put(readerKeys.siteCopy(url), bodies.html, type, headers),
    storage.put(readerKeys.siteCopy(url, ".gz"), bodies.gz, type, { ...headers, contentEncoding: "gzip" }),
    storage.put(readerKeys.siteCopy(url, ".br"), bodies.br, type, { ...headers, contentEncoding: "br" }),
  ]);
}

export async function removeSiteCopy(storage: Storage, url: string): Promise<void> {
  if (!hasSiteCopy(url)) return;
  await Promise.all((["", ".gz", ".br"] as const).map((encoding) => storage.delete(readerKeys.siteCopy(url, encoding))));
}
