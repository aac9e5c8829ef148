import { readFile } from "node:fs/promises";
import { renderReaderDocument } from "../../components/reader/documents/render-reader-document";
import { setReaderChangeRenderer } from "../../lib/reader-files/reader-files-registry";
import { renderReaderChange, type ReaderRendering } from "../../lib/reader-files/render-reader-files";
import { prepareReaderRendering } from "../../lib/reader-files/start-reader-files";
import type { Storage } from "../../lib/storage/storage";
import { fromRoot } from "./project";
import { compileReaderStylesheet } from "./reader-stylesheet";

/**
 * Reader rendering for a command (npm run import, npm run render): the same
 * documents and stylesheet as the server, from the sources. With the build
 * current, its version is the server's, so the server does not render again.
 */
export async function commandReaderRendering(storage: Storage): Promise<ReaderRendering> {
  const buildId = await readFile(fromRoot(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"), "utf8").catch(() => "command");
  const rendering = await prepareReaderRendering({ storage, render: renderReaderDocument, stylesheet: Buffer.from(await compileReaderStylesheet()), buildId });
  setReaderChangeRenderer((change) => renderReaderChange(rendering, change));
  return rendering;
}
