import { env } from "@/lib/config/env";
import { startScheduler } from "@/lib/editions/scheduler";
import { announceRevalidationsWith, cacheTags, revalidatePublications } from "@/lib/reader/cache-tags";
import { purgeRequestFor, sendPurge } from "@/lib/reader/cdn-purge";
import { postRevalidations } from "@/lib/reader/remote-revalidation";
import { announceRevalidations, INSTANCE_ID, listenForRevalidations } from "@/lib/reader/revalidation-channel";
import { startRenderWorker } from "@/lib/pages/render-worker";
import { BOOT_BACKFILL_LIMIT, backfillSearchIndexInBackground } from "@/lib/search/backfill-search-index";
import { warmUpSegmenter } from "@/lib/search/segment";
import { getStorage } from "@/lib/storage/get-storage";
import type { RenderReaderDocument } from "@/lib/reader-files/reader-documents";
import type { ReaderFileServer } from "@/lib/reader-files/reader-file-server";
import { prepareReaderRendering, readBuiltStylesheet, startReaderFiles } from "@/lib/reader-files/start-reader-files";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { getDb } from "./client";
import { prepareDatabase } from "./prepare-database";

/**
 * Called by instrumentation.ts, which hands over the reader pages' renderer
 * (components/reader/documents: lib/ does not import components); a failure
 * stops the server with the reason.
 */
export async function prepareDatabaseOnBoot(options: { render: RenderReaderDocument }): Promise<void> {
  try {
    const config = env();
    const prepared = await prepareDatabase({
      connectionString: config.DATABASE_URL!,
      storage: getStorage(),
      seedDemoData: config.SEED_DEMO,
      adminEmail: config.ADMIN_EMAIL,
      adminPassword: config.ADMIN_PASSWORD,
      log: (line) => console.log(line),
      deferSearchBackfillOver: BOOT_BACKFILL_LIMIT,
    });
    if (prepared.searchBackfillDeferred) {
      void backfillSearchIndexInBackground({ db: getDb(), connectionString: config.DATABASE_URL! });
    }
    // Page PDFs waiting for their page image, including any a restart interrupted.
    startRenderWorker({ db: getDb(), storage: getStorage() });
    const rendering = await prepareReaderRendering({ storage: getStorage(), render: options.render, stylesheet: await readBuiltStylesheet(), buildId: await readBuildId() });
    // Every file rendered again (a settings change): other instances re-read them, the CDN drops its copies.
    const files = await startReaderFiles({ rendering, log: (line) => console.log(line), onRenderedAll: () => revalidatePublications() });
    startBackgroundWork(config.PORT, config.NEXTAUTH_SECRET, config.DATABASE_URL!, config.CDN_PURGE_URL ? { url: config.CDN_PURGE_URL, secret: config.CDN_PURGE_SECRET } : undefined, files);
    setTimeout(warmUpSegmenter, 1000).unref();
  } catch (error) {
    console.error(`\nThe database could not be prepared, so the server stops:\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

/**
 * Work the server does on its own: the publishing scheduler, and keeping its
 * reader cache in step with the other instances. Revalidations announced on
 * the database's channel (by any instance, the scheduler or the import
 * command) are expired here by asking this server itself over HTTP, since
 * Next expires tags only within a request.
 */
function startBackgroundWork(port: number, secret: string | undefined, connectionString: string, purgeHook: { url: string; secret?: string } | undefined, files: ReaderFileServer) {
  const expireHere = (tags: string[]) => {
    if (!secret) return;
    void postRevalidations({ baseUrl: `http://127.0.0.1:${port}`, secret, tags }).then((ok) => {
      if (!ok) console.error(`Could not revalidate the reader cache (${tags.join(", ")}); pages refresh within 5 minutes.`);
    });
  };
  announceRevalidationsWith((tags, doneHere) => {
    announceRevalidations(getDb(), tags, doneHere ? INSTANCE_ID : null).catch((error: unknown) => {
      console.error(`Could not tell the other instances to refresh (${tags.join(", ")}): ${error instanceof Error ? error.message : String(error)}`);
      if (!doneHere) expireHere(tags);
    });
    // The CDN is told once, by the instance that made the change.
    if (purgeHook) {
      void purgeRequestFor(getDb(), tags)
        .then((request) => sendPurge(purgeHook, request))
        .then((ok) => {
          if (!ok) console.error(`The CDN purge hook did not answer (${tags.join(", ")}); CDN copies expire within 5 minutes.`);
        });
    }
  });
  listenForRevalidations({
    connectionString,
    onNotice: (notice) => {
      if (notice.origin === INSTANCE_ID) return;
      // Another instance (or a command) published files: read the route tables again.
      files.forget();
      expireHere(notice.tags);
    },
    // Notices sent while the channel was down are lost: refresh every publication's pages.
    onReconnect: () => {
      files.forget();
      void getDb()
        .publication.findMany({ select: { id: true } })
        .then((publications) => expireHere([cacheTags.publications, ...publications.map((publication) => cacheTags.publication(publication.id))]))
        .catch(() => {});
    },
    log: (line) => console.error(line),
  });
  startScheduler(getDb());
}

/** The running build's id (Next writes it in the dist folder beside the server). */
function readBuildId(): Promise<string> {
  return readFile(/*turbopackIgnore: true*/ path.join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"), "utf8").catch(() => "development");
}
