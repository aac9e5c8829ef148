import { createHash } from "node:crypto";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { Storage } from "@/lib/storage/storage";
import { readerKeys, type FileRef } from "./site-routes";

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

export function contentHash(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex").slice(0, 40);
}

/**
 * Stores a rendered page with its gzip and brotli twins (compressed once, here,
 * not per request), unless an identical page is stored already. Returns the
 * page's reference; `previous` is kept when nothing changed, so Last-Modified
 * stays true.
 */
export async function storeRenderedFile(storage: Storage, html: string, previous?: FileRef): Promise<FileRef> {
  const data = Buffer.from(html);
  const hash = contentHash(data);
  if (previous?.hash === hash) return previous;
  if (!(await storage.exists(readerKeys.file(hash, ".br")))) {
    const [gz, br] = await Promise.all([
      gzip(data, { level: 9 }),
      brotli(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 10, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
    ]);
    // The .br twin last: its presence says the three are complete.
    await Promise.all([storage.put(readerKeys.file(hash), data, "text/html"), storage.put(readerKeys.file(hash, ".gz"), gz, "application/gzip")]);
    await storage.put(readerKeys.file(hash, ".br"), br, "application/x-brotli");
  }
  return { hash, modified: new Date().toUTCString() };
}

/** Stores a versioned asset (the stylesheet) under its content hash; returns its name. */
export async function storeAsset(storage: Storage, data: Buffer, extension: string, contentType: string): Promise<string> {
  const name = `${contentHash(data)}.${extension}`;
  if (!(await storage.exists(readerKeys.asset(name)))) await storage.put(readerKeys.asset(name), data, contentType);
  return name;
}
