import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { copyFile, mkdir, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { FileEntry } from "./backup-manifest";

/** Every regular file under `root` (relative, with forward slashes) that `keep` accepts; missing root: none. */
export async function listFiles(root: string, keep: (relative: string) => boolean = () => true): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string, prefix: string) => {
    const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [];
      throw error;
    });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (!keep(relative)) continue;
      if (entry.isDirectory()) await walk(path.join(dir, entry.name), relative);
      else if (entry.isFile()) found.push(relative);
    }
  };
  await walk(root, "");
  return found;
}

export async function describeFile(file: string): Promise<FileEntry> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return { size: (await stat(file)).size, sha256: hash.digest("hex") };
}

/** Copies a file, creating its folder; false when it vanished meanwhile (a live database drops files). */
export async function copyIfPresent(from: string, to: string): Promise<boolean> {
  await mkdir(path.dirname(to), { recursive: true });
  try {
    await copyFile(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

export const totalBytes = (entries: FileEntry[]) => entries.reduce((sum, entry) => sum + entry.size, 0);
