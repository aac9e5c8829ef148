import { readFile } from "node:fs/promises";
import path from "node:path";
import { fromRoot } from "../../scripts/lib/project";

// Where a generated archive lives, shared by the generator and the benchmark:
// an embedded PostgreSQL cluster of its own under .data/bench/archive-<years>y/
// (git-ignored, kept between runs because generating takes a while), holding
// two databases: `newsroom` (the demo newsroom + the synthetic years) and
// `baseline` (the demo newsroom alone), prepared the same way, so every figure
// is measured against its empty-archive baseline on the same server.

export const ARCHIVE_DATABASE = "newsroom";
export const BASELINE_DATABASE = "baseline";

export function archiveDir(years: number): string {
  return fromRoot(".data", "bench", `archive-${years}y`);
}

export const clusterDir = (dir: string) => path.join(dir, "postgres");
export const storageDir = (dir: string) => path.join(dir, "storage");
const manifestFile = (dir: string) => path.join(dir, "generated.json");

/** What the generator wrote down; present only once generation finished. */
export interface ArchiveManifest {
  years: number;
  seed: string;
  from: string;
  to: string;
  editions: number;
  pages: number;
  articles: number;
  generationSeconds: number;
  workers: number;
  /** Load average (1 min) when generation ended: other work on the machine. */
  loadAverage: number;
  sizes: Record<string, string>;
  planted: { key: string; id: string; date: string; query: string; headline: string }[];
}

export async function readManifest(dir: string): Promise<ArchiveManifest | undefined> {
  try {
    return JSON.parse(await readFile(manifestFile(dir), "utf8")) as ArchiveManifest;
  } catch {
    return undefined;
  }
}

export { manifestFile };
