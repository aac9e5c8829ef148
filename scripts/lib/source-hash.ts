import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

const SKIP = new Set(["node_modules", ".next", ".next-test", ".data", "generated", "test-results"]);

async function* walk(dir: string): AsyncGenerator<string> {
  if (!existsSync(dir)) return;
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

/** A hash of every file under `paths` (files or folders), relative to `root`. */
export async function hashSources(root: string, paths: readonly string[], extra = ""): Promise<string> {
  const hash = createHash("sha256").update(extra);
  for (const relative of paths) {
    const full = path.join(root, relative);
    const files = existsSync(full) && !(await readdir(full).catch(() => null)) ? [full] : [];
    for (const file of files.length ? files : await collect(walk(full))) {
      hash.update(path.relative(root, file)).update("\0").update(await readFile(file)).update("\0");
    }
  }
  return hash.digest("hex");
}

async function collect<T>(iterator: AsyncGenerator<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterator) items.push(item);
  return items;
}
