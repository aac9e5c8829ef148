// File names inside an import folder, shared by the server (which decides) and
// the browser's folder picker (which only uses them to send less). Pure
// functions: no Node or DOM APIs.

/** Longest path accepted inside an import folder. */
const MAX_PATH_LENGTH = 500;

/**
 * A name inside the folder in one canonical form ("./pages/A05.pdf" → "pages/A05.pdf"),
 * or null when it could point outside the folder or is not a plain relative path:
 * absolute, a drive letter, "..", backslashes, control characters, empty.
 */
export function safeImportPath(name: string): string | null {
  if (!name || name.length > MAX_PATH_LENGTH) return null;
  if (/[\u0000-\u001f\u007f\\]/.test(name)) return null;
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) return null;
  const parts: string[] = [];
  for (const part of name.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") return null;
    parts.push(part);
  }
  return parts.length ? parts.join("/") : null;
}

/**
 * Paths as a browser gives them for a chosen folder ("2023-03-13/manifest.json")
 * made relative to the folder that holds manifest.json: when manifest.json is
 * not at the top and every path starts with the same folder, that folder is
 * removed (once). Anything else is left as it is.
 */
export function stripCommonFolder(paths: string[]): string[] {
  if (paths.length === 0 || paths.includes("manifest.json")) return paths;
  const first = paths[0]!.split("/")[0]!;
  if (!paths.every((p) => p.startsWith(`${first}/`))) return paths;
  return paths.map((p) => p.slice(first.length + 1));
}

/** The files a manifest names (page PDFs and photos), as written; [] for anything that is not a manifest. */
export function manifestFileNames(manifest: unknown): string[] {
  const names: string[] = [];
  const pages = isRecord(manifest) && Array.isArray(manifest.pages) ? manifest.pages : [];
  for (const page of pages) {
    if (!isRecord(page)) continue;
    if (typeof page.pdf === "string") names.push(page.pdf);
    for (const story of Array.isArray(page.stories) ? page.stories : []) {
      if (!isRecord(story) || !Array.isArray(story.photos)) continue;
      for (const photo of story.photos) if (isRecord(photo) && typeof photo.file === "string") names.push(photo.file);
    }
  }
  return names;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
