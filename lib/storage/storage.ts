import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";

/**
 * Where files live: a folder on this machine (DiskStorage), or an
 * S3-compatible object store every instance shares (S3Storage). Both behave
 * alike: a put replaces the whole file at once, a missing key is a
 * StorageNotFoundError, deleting a missing key is no error.
 */
export interface Storage {
  put(key: string, data: Buffer, contentType: string, headers?: StoredHeaders): Promise<void>;
  get(key: string): Promise<Buffer>;
  stream(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}

/**
 * Headers an object store sends with the object to whoever reads it straight
 * from the store (nginx in front of the published site, deploy/nginx.conf). A
 * folder has none: nginx derives them from the file's name there.
 */
export interface StoredHeaders {
  contentEncoding?: string;
  cacheControl?: string;
}

/**
 * Whether an error says the key has no file. By name as well: Next bundles
 * the boot code and the app apart, each with its own copy of this class.
 */
export function isStorageNotFound(error: unknown): boolean {
  return error instanceof StorageNotFoundError || (error instanceof Error && error.name === "StorageNotFoundError");
}

/** No file under this key. */
export class StorageNotFoundError extends Error {
  override name = "StorageNotFoundError";
  constructor(readonly key: string) {
    super(`No stored file ${key}`);
  }
}

const SAFE_KEY = /^[a-z0-9][a-z0-9/_.-]*$/i;

export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.includes("..") || key.includes("//")) {
    throw new Error(`Invalid storage key: ${key}`);
  }
}

export class DiskStorage implements Storage {
  constructor(private readonly root: string) {}

  private file(key: string): string {
    assertSafeKey(key);
    return path.join(/*turbopackIgnore: true*/ this.root, key);
  }

  async put(key: string, data: Buffer): Promise<void> {
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Write then rename: a reader never sees half a file. The temporary name is
    // unique, so two writers of one key (the same photo uploaded twice at once)
    // never write into each other's file; the last rename wins with the same bytes.
    const temp = `${file}.${randomUUID()}.tmp`;
    try {
      await writeFile(temp, data);
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.file(key)).catch(notFoundAs(key));
  }

  async stream(key: string): Promise<Readable> {
    const file = this.file(key);
    await stat(file).catch(notFoundAs(key));
    return createReadStream(file);
  }

  async exists(key: string): Promise<boolean> {
    return stat(this.file(key)).then(
      () => true,
      () => false,
    );
  }

  async delete(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }
}

/** A missing file's error as StorageNotFoundError; other errors as they are. */
function notFoundAs(key: string) {
  return (error: NodeJS.ErrnoException): never => {
    throw error.code === "ENOENT" || error.code === "ENOTDIR" ? new StorageNotFoundError(key) : error;
  };
}

/** Content-addressed key: identical files share storage, names never collide. */
export function storageKeyFor(data: Buffer, prefix: string, extension: string): { key: string; sha256: string } {
  const sha256 = createHash("sha256").update(data).digest("hex");
  return { key: `${prefix}/${sha256.slice(0, 2)}/${sha256}.${extension}`, sha256 };
}

export function defaultStorageDir(configured: string | undefined): string {
  return path.resolve(/*turbopackIgnore: true*/ configured ?? path.join(process.cwd(), ".data", "storage"));
}
