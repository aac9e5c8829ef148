import { fileTypeFromBuffer } from "file-type";
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import type { z } from "zod";
import { zodErrorMap } from "@/lib/i18n/zod-error-map";
import type { Locale } from "@/lib/errors/app-error";
import { folderSource, type EditionSource } from "./edition-source";
import { atLine, problem, SCHEMA_MESSAGES_EN, type ManifestProblem } from "./manifest-problems";
import { safeImportPath } from "./import-paths";
import { editionManifestSchema, type EditionManifest } from "./manifest-schema";
import { findTextProblem } from "@/lib/validation/safe-text";

/** A manifest that breaks a rule; `problems` name the field, e.g. pages[2].stories[0].headline. */
export class ManifestError extends Error {
  override name = "ManifestError";
  /** The problems in Chinese, as the command prints them. */
  readonly problems: string[];
  constructor(readonly localized: ManifestProblem[]) {
    const problems = localized.map((one) => one["zh-CN"]);
    super(`清单有误 (manifest rejected):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.problems = problems;
  }

  /** The problems in the reader's language (the dashboard's). */
  problemsFor(locale: Locale): string[] {
    return this.localized.map((one) => one[locale]);
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

const UNSAFE_TEXT = {
  control: ["含有不可见的控制字符（如 U+0000），请在排版系统导出时去掉", "contains invisible control characters (such as U+0000); remove them when exporting"],
  encoding: ["含有残缺的文字编码（单独的代理项），请检查导出的编码", "contains broken text encoding (a lone surrogate); check the export's encoding"],
  "too-long": ["文字过长或嵌套过深", "text too long or nested too deep"],
} as const;

const PHOTO_TYPES = new Set(["image/jpeg", "image/png", "image/webp"]);

/** Reads and checks an edition folder on disk; nothing is written. */
export async function readManifestFolder(folder: string): Promise<ReadManifestResult> {
  return readManifest(folderSource(folder));
}

/** Reads and checks an edition's manifest and the files it names, from a folder or an upload; nothing is written. */
export async function readManifest(source: EditionSource): Promise<ReadManifestResult> {
  const bytes = await source.read("manifest.json");
  if (!bytes) throw new ManifestError([problem(`manifest.json: 找不到文件 (${source.where} 中没有 manifest.json)`, `manifest.json: not found (${source.where} has no manifest.json)`)]);
  const raw = bytes.toString("utf8");
  const syntaxErrors: ParseError[] = [];
  const tree = parseTree(raw, syntaxErrors, { allowTrailingComma: false, disallowComments: true });
  if (syntaxErrors.length || !tree) {
    const first = syntaxErrors[0];
    const line = first ? lineOf(raw, first.offset) : null;
    const code = first ? printParseErrorCode(first.error) : "empty";
    throw new ManifestError([problem(`manifest.json ${line ? `第 ${line} 行` : ""}: 不是有效的 JSON (${code})`, `manifest.json ${line ? `line ${line}` : ""}: not valid JSON (${code})`)]);
  }
  const json: unknown = JSON.parse(raw);
  const unsafe = findTextProblem(json);
  if (unsafe) {
    const [zh, en] = UNSAFE_TEXT[unsafe.problem];
    throw new ManifestError([problemAt(unsafe.path, problem(zh, en), raw, tree)]);
  }
  const parsed = editionManifestSchema.safeParse(json, { error: zodErrorMap("zh-CN") });
  if (!parsed.success) {
    // The same issues, in the same order, with zod's English messages.
    const english = editionManifestSchema.safeParse(json, { error: zodErrorMap("en") }).error?.issues ?? [];
    throw new ManifestError(parsed.error.issues.map((issue, index) => formatIssue(issue, english[index], raw, tree)));
  }
  const manifest = parsed.data;

  const problems: ManifestProblem[] = [];
  const files = new Map<string, ManifestFile>();
  const check = async (name: string, field: string, allowed: Set<string>, what: ManifestProblem) => {
    const safe = safeImportPath(name);
    if (!safe) {
      problems.push(problem(`${field}: 文件必须在清单所在的文件夹内 (${name})`, `${field}: files must be inside the manifest's folder (${name})`));
      return;
    }
    const data = await source.read(safe);
    if (!data) {
      problems.push(problem(`${field}: 找不到文件 ${name}`, `${field}: file not found: ${name}`));
      return;
    }
    const type = await fileTypeFromBuffer(data);
    if (!type || !allowed.has(type.mime)) {
      problems.push(problem(`${field}: ${name} 不是${what["zh-CN"]}`, `${field}: ${name} is not ${what.en}`));
      return;
    }
    files.set(name, { name, data, mimeType: type.mime });
  };

  for (const [p, page] of manifest.pages.entries()) {
    if (page.pdf) await check(page.pdf, `pages[${p}].pdf`, new Set(["application/pdf"]), problem(" PDF 文件", "a PDF file"));
    for (const [s, story] of page.stories.entries()) {
      for (const [f, photo] of story.photos.entries()) {
        await check(photo.file, `pages[${p}].stories[${s}].photos[${f}].file`, PHOTO_TYPES, problem(" JPEG/PNG/WebP 图片", "a JPEG, PNG or WebP picture"));
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
function formatIssue(issue: z.core.$ZodIssue, english: z.core.$ZodIssue | undefined, raw: string, tree: Node): ManifestProblem {
  const path = issue.path.filter((part): part is string | number => typeof part !== "symbol");
  const params = issue.code === "custom" ? (issue.params as { en?: string } | undefined) : undefined;
  const en = params?.en ?? SCHEMA_MESSAGES_EN[issue.message] ?? english?.message ?? issue.message;
  return problemAt(path, problem(issue.message, en), raw, tree);
}

/** A problem named by its field (pages[2].stories[0].headline) and the line it is on. */
function problemAt(path: (string | number)[], message: ManifestProblem, raw: string, tree: Node): ManifestProblem {
  const field = path.map((part, index) => (typeof part === "number" ? `[${part}]` : `${index ? "." : ""}${part}`)).join("");
  let node: Node | undefined;
  for (let length = path.length; length >= 0 && !node; length -= 1) node = findNodeAtLocation(tree, path.slice(0, length));
  return atLine(node ? lineOf(raw, node.offset) : null, field || "manifest", message);
}
