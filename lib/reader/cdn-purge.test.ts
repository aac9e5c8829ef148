import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { text } from "node:stream/consumers";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { importEdition } from "@/lib/editions/import-edition";
import { createMigratedDatabase, createTestStorage, demoDir } from "@/tests/helpers/database";
import { cacheTags } from "./cache-tags";
import { purgeRequestFor, purgeSignature, sendPurge } from "./cdn-purge";

describe("CDN purges", () => {
  let db: Db;
  let publicationId: string;
  let seedArticleId: string;

  beforeAll(async () => {
    ({ db } = await createMigratedDatabase());
    publicationId = (await db.publication.create({ data: { slug: "jmrb", name: "江门日报", isDefault: true } })).id;
    await importEdition({ db, storage: await createTestStorage(), folder: path.join(demoDir, "editions", "2023-03-13"), publish: true });
    seedArticleId = (await db.article.findFirstOrThrow({ where: { headline: "吹响推进高质量发展奋进号角" } })).id;
  });

  it("drop the whole reader site when editions are listed anew (a publish, a withdrawal, settings)", async () => {
    expect(await purgeRequestFor(db, [cacheTags.publication(publicationId)])).toEqual({ keys: ["reader"], urls: ["/", "/zh-hant"] });
    expect(await purgeRequestFor(db, [cacheTags.publications])).toEqual({ keys: ["reader"], urls: ["/", "/zh-hant"] });
  });

  it("drop a corrected article's edition, naming its URLs in both scripts", async () => {
    expect(await purgeRequestFor(db, [cacheTags.article(seedArticleId)])).toEqual({
      keys: ["edition-2023-03-13"],
      urls: ["/2023-03-13/A05/4", "/zh-hant/2023-03-13/A05/4", "/2023-03-13/A05", "/zh-hant/2023-03-13/A05"],
    });
    expect(await purgeRequestFor(db, [cacheTags.edition(publicationId, "2023-03-13")])).toEqual({ keys: ["edition-2023-03-13"], urls: [] });
  });

  it("drop the files readers may no longer see once an edition is withdrawn: page images, PDFs and photos, with their derivatives", async () => {
    const edition = cacheTags.edition(publicationId, "2023-03-13");
    // Published: its files stay where they are.
    expect((await purgeRequestFor(db, [edition])).urls).toEqual([]);
    await db.edition.updateMany({ data: { status: "WITHDRAWN" } });
    try {
      const { keys, urls } = await purgeRequestFor(db, [cacheTags.publication(publicationId), edition]);
      expect(keys).toEqual(["reader"]);
      const keysOf = (assets: { storageKey: string; derivatives: { storageKey: string }[] }[]) => assets.flatMap((asset) => [asset.storageKey, ...asset.derivatives.map((derivative) => derivative.storageKey)]);
      const pageFiles = keysOf(await db.asset.findMany({ where: { OR: [{ pagesAsImage: { some: {} } }, { pagesAsPdf: { some: {} } }] }, select: { storageKey: true, derivatives: { select: { storageKey: true } } } }));
      const photoFiles = keysOf(await db.asset.findMany({ where: { photo: { isNot: null } }, select: { storageKey: true, derivatives: { select: { storageKey: true } } } }));
      expect(pageFiles.length).toBeGreaterThan(0);
      expect(photoFiles.length).toBeGreaterThan(0);
      expect(urls.toSorted()).toEqual(["/", "/zh-hant", ...[...pageFiles, ...photoFiles].map((key) => `/media/${key}`)].toSorted());
    } finally {
      await db.edition.updateMany({ data: { status: "PUBLISHED" } });
    }
  });

  it("are sent to the hook as signed JSON, and tried again when it fails", async () => {
    const received: { body: string; signature: string | undefined }[] = [];
    let failures = 1;
    const hook = createServer(async (request: IncomingMessage, response) => {
      received.push({ body: await text(request), signature: request.headers["x-newsroom-signature"] as string | undefined });
      response.statusCode = failures-- > 0 ? 503 : 204;
      response.end();
    });
    await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/purge`;
      const request = { keys: ["edition-2023-03-13"], urls: ["/2023-03-13/A05/4"] };
      expect(await sendPurge({ url, secret: "purge-secret" }, request, [10])).toBe(true);
      expect(received).toHaveLength(2);
      expect(JSON.parse(received[1]!.body)).toEqual(request);
      expect(received[1]!.signature).toBe(purgeSignature("purge-secret", received[1]!.body));
      failures = 5;
      expect(await sendPurge({ url }, request, [10, 10])).toBe(false);
    } finally {
      await new Promise((resolve) => hook.close(resolve));
    }
  });
});
