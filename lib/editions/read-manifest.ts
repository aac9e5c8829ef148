import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import type { z } from "zod";
import { editionManifestSchema, type EditionManifest } from "./manifest-schema";

/** A manifest that breaks a rule; `problems` name the field, e.g. pages[2].stories[0].headline. */
export class ManifestError extends Error {
  override name = "ManifestError";
  constructor(readonly problems: string[]) {
    super(`清单有误 (manifest rejected):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

export interface ManifestFile {
  /** Path inside the folder, as the manifest names it. */
  name: string;
  data: Buffer;
  mimeType: string;
}

export interface ReadManifestResult {
  manifest: EditionManifest;
  files: Map<string, ManifestFile>;
}

const PHOTO_TYPES = new Set(["image/jpeg", "image/png", "image/webp"]);

/** Reads and checks an edition folder; nothing is written. */
export async function readManifestFolder(folder: string): Promise<ReadManifestResult> {
  const manifestPath = path.join(/*turbopackIgnore: true*/ folder, "manifest.json");
  const raw = await readFile(manifestPath, "utf8").catch(() => {
    throw new ManifestError([`manifest.json: 找不到文件 ${manifestPath}`]);
  });
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new ManifestError([`manifest.json: 不是有效的 JSON (${(error as Error).message})`]);
  }
  const parsed = editionManifestSchema.safeParse(json);
  if (!parsed.success) throw new ManifestError(parsed.error.issues.map(formatIssue));
  const manifest = parsed.data;

  const problems: string[] = [];
  const files = new Map<string, ManifestFile>();
  const check = async (name: string, field: string, allowed: Set<string>, what: string) => {
    const resolved = path.resolve(/*turbopackIgnore: true*/ folder, name);
    if (!resolved.startsWith(path.resolve(folder) + path.sep)) {
      problems.push(`${field}: 文件必须在清单所在的文件夹内 (${name})`);
      return;
    }
    const info = await stat(resolved).catch(() => undefined);
    if (!info?.isFile()) {
      problems.push(`${field}: 找不到文件 ${name}`);
      return;
    }
    const data = await readFile(resolved);
    const type = await fileTypeFromBuffer(data);
    if (!type || !allowed.has(type.mime)) {
      problems.push(`${field}: ${name} 不是${what}`);
      return;
    }
    files.set(name, { name, data, mimeType: type.mime });
  };

  for (const [p, page] of manifest.pages.entries()) {
    if (page.pdf) await check(page.pdf, `pages[${p}].pdf`, new Set(["application/pdf"]), " PDF 文件");
    for (const [s, story] of page.stories.entries()) {
      for (const [f, photo] of story.photos.entries()) {
        await check(photo.file, `pages[${p}].stories[${s}].photos[${f}].file`, PHOTO_TYPES, " JPEG/PNG/WebP 图片");
      }
    }
  }
  if (problems.length) throw new ManifestError(problems);
  return { manifest, files };
}

function formatIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path
    .map((part, index) => (typeof part === "number" ? `[${part}]` : `${index ? "." : ""}${String(part)}`))
    .join("");
  return `${field || "manifest"}: ${issue.message}`;
}
