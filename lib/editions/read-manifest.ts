import { fileTypeFromBuffer } from "file-type";
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import type { z } from "zod";
import { folderSource, type EditionSource } from "./edition-source";
import { safeImportPath } from "./import-paths";
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

/** Reads and checks an edition folder on disk; nothing is written. */
export async function readManifestFolder(folder: string): Promise<ReadManifestResult> {
  return readManifest(folderSource(folder));
}

/** Reads and checks an edition's manifest and the files it names, from a folder or an upload; nothing is written. */
export async function readManifest(source: EditionSource): Promise<ReadManifestResult> {
  const bytes = await source.read("manifest.json");
  if (!bytes) throw new ManifestError([`manifest.json: 找不到文件 (${source.where} 中没有 manifest.json)`]);
  const raw = bytes.toString("utf8");
  const syntaxErrors: ParseError[] = [];
  const tree = parseTree(raw, syntaxErrors, { allowTrailingComma: false, disallowComments: true });
  if (syntaxErrors.length || !tree) {
    const first = syntaxErrors[0];
    const where = first ? `第 ${lineOf(raw, first.offset)} 行` : "";
    throw new ManifestError([`manifest.json ${where}: 不是有效的 JSON (${first ? printParseErrorCode(first.error) : "empty"})`]);
  }
  const parsed = editionManifestSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) throw new ManifestError(parsed.error.issues.map((issue) => formatIssue(issue, raw, tree)));
  const manifest = parsed.data;

  const problems: string[] = [];
  const files = new Map<string, ManifestFile>();
  const check = async (name: string, field: string, allowed: Set<string>, what: string) => {
    const safe = safeImportPath(name);
    if (!safe) {
      problems.push(`${field}: 文件必须在清单所在的文件夹内 (${name})`);
      return;
    }
    const data = await source.read(safe);
    if (!data) {
      problems.push(`${field}: 找不到文件 ${name}`);
      return;
    }
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

/** 1-based line of a character offset. */
function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}

/** "第 12 行 pages[2].stories[0].headline: …": the line of the field, or of its nearest parent that exists. */
function formatIssue(issue: z.core.$ZodIssue, raw: string, tree: Node): string {
  const path = issue.path.filter((part): part is string | number => typeof part !== "symbol");
  const field = path.map((part, index) => (typeof part === "number" ? `[${part}]` : `${index ? "." : ""}${part}`)).join("");
  let node: Node | undefined;
  for (let length = path.length; length >= 0 && !node; length -= 1) node = findNodeAtLocation(tree, path.slice(0, length));
  const line = node ? `第 ${lineOf(raw, node.offset)} 行 ` : "";
  return `${line}${field || "manifest"}: ${issue.message}`;
}
