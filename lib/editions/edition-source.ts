import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/errors/app-error";
import { safeImportPath, stripCommonFolder } from "./import-paths";

/**
 * Where an import's files come from: a folder on the server's disk (the
 * `npm run import` command) or the files of a folder uploaded from the
 * dashboard. The importer reads both the same way (lib/editions/read-manifest.ts).
 */
export interface EditionSource {
  /** Where the files are, for messages: the folder's path, or "上传的文件夹". */
  where: string;
  /** The bytes of a file, by a name already made safe with safeImportPath; undefined when there is no such file. */
  read(name: string): Promise<Buffer | undefined>;
}

/** A folder on disk. Names resolving outside it are never read (symlinks inside it are followed, as before). */
export function folderSource(folder: string): EditionSource {
  const root = path.resolve(/*turbopackIgnore: true*/ folder);
  return {
    where: root,
    async read(name) {
      const resolved = path.resolve(/*turbopackIgnore: true*/ root, name);
      if (!resolved.startsWith(root + path.sep)) return undefined;
      const info = await stat(resolved).catch(() => undefined);
      return info?.isFile() ? readFile(resolved) : undefined;
    },
  };
}

export interface UploadedFile {
  /** The path inside the chosen folder as the browser sent it, e.g. "2023-03-13/A05.pdf". */
  path: string;
  data: Buffer;
}

/** How many refused names an error message lists. */
const LISTED = 5;

/**
 * The files of an uploaded folder, in memory. Every name must be a plain
 * relative path (no "..", no leading "/", no backslash or control characters)
 * and appear once; otherwise the whole upload is refused before anything is
 * read. The folder the browser puts in front of every path is removed, so the
 * manifest's names ("A05.pdf") find the files.
 */
export function uploadedSource(files: UploadedFile[]): EditionSource {
  const unsafe = files.filter((file) => safeImportPath(file.path) === null).map((file) => file.path);
  if (unsafe.length) throw unsafeNames(unsafe);
  const names = stripCommonFolder(files.map((file) => safeImportPath(file.path)!));
  const byName = new Map<string, Buffer>();
  const repeated: string[] = [];
  names.forEach((name, index) => {
    if (byName.has(name)) repeated.push(name);
    byName.set(name, files[index]!.data);
  });
  if (repeated.length) throw repeatedNames(repeated);
  return { where: "上传的文件夹", read: async (name) => byName.get(name) };
}

function shown(names: string[]): string {
  const listed = names.slice(0, LISTED).map((name) => JSON.stringify(name.slice(0, 200)));
  return names.length > LISTED ? `${listed.join("、")} …` : listed.join("、");
}

function unsafeNames(names: string[]): AppError {
  return new AppError("INVALID_INPUT", {
    "zh-CN": `上传的文件名不安全（不能含“..”、反斜杠或以“/”开头），整个文件夹已拒绝，没有写入任何内容：${shown(names)}`,
    en: `Unsafe file names (no "..", backslashes or leading "/"): the whole folder was refused and nothing was written: ${shown(names)}`,
  });
}

function repeatedNames(names: string[]): AppError {
  return new AppError("INVALID_INPUT", {
    "zh-CN": `上传的文件夹中有重名文件，整个文件夹已拒绝，没有写入任何内容：${shown(names)}`,
    en: `The uploaded folder has the same file name more than once: it was refused and nothing was written: ${shown(names)}`,
  });
}

/** Where an import reads its files: a folder on disk (the command, the demo) or a source (an upload). */
export type ImportFrom = { folder: string; source?: never } | { source: EditionSource; folder?: never };
