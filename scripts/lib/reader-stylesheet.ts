import { readFile, writeFile } from "node:fs/promises";
import tailwind from "@tailwindcss/postcss";
import postcss, { type AcceptedPlugin } from "postcss";
import { fromRoot, projectRoot } from "./project";

/**
 * The reader's stylesheet for the published files: app/globals.css through
 * Tailwind, as Next compiles it for its own pages, minified. Written beside
 * the server (READER_STYLESHEET, default reader.css in its folder), which
 * stores it as a versioned asset at boot (lib/reader-files).
 */
export async function compileReaderStylesheet(): Promise<string> {
  const from = fromRoot("app/globals.css");
  // The plugin is typed against vite's nested copy of postcss: the same API.
  const plugin = tailwind({ base: projectRoot, optimize: { minify: true } }) as AcceptedPlugin;
  const result = await postcss([plugin]).process(await readFile(from, "utf8"), { from });
  return result.css;
}

export async function writeReaderStylesheet(file: string): Promise<void> {
  await writeFile(file, await compileReaderStylesheet());
}
