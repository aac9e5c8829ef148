import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReaderDocument } from "@/components/reader/documents/render-reader-document";
import { bodyFromBlocks } from "@/lib/articles/body";
import type { Db } from "@/lib/db/client";
import { editionDate } from "@/lib/time/edition-date";
import { publishEdition, withdrawEdition } from "@/lib/editions/publish-edition";
import { contentSecurityPolicy } from "@/lib/http/security-headers.js";
import { READER_SCRIPT_HASHES } from "@/lib/reader/inline-scripts.js";
import type { Storage } from "@/lib/storage/storage";
import { createMigratedDatabase, createTestStorage } from "@/tests/helpers/database";
import { publishReaderChange } from "./publish-reader-change";
import type { ReaderFileServer } from "./reader-file-server";
import { setReaderChangeRenderer, setReaderFileServer } from "./reader-files-registry";
import { readerKeys, readJson, readRenderAllProgress, type EditionRoutes } from "./site-routes";
import { renderPreview } from "./preview-reader-files";
import type { ReaderRendering } from "./render-reader-files";
import { prepareReaderRendering, startReaderFiles } from "./start-reader-files";

// The reader site as files: rendered from a real database into a store, and
// answered by the fast path over real HTTP, as `npm start` serves them.

let db: Db;
let storage: Storage;
let files: ReaderFileServer;
let server: http.Server;
let base: string;
let storeDown = false;
let writesFail = false;
let copiesFail = false;
const editor = { id: "", role: "EDITOR" as const };
const articles: Record<string, string> = {};

async function edition(publicationId: string, date: string, pages: { number: string; name: string; headlines: string[] }[]) {
  const created = await db.edition.create({ data: { publicationId, date: editionDate(date), status: "PUBLISHED", issueNumber: 100 } });
  for (const [index, spec] of pages.entries()) {
    const page = await db.page.create({ data: { editionId: created.id, number: spec.number, section: "A", position: index + 1, name: spec.name, status: "PUBLISHED" } });
    for (const [position, headline] of spec.headlines.entries()) {
      const article = await db.article.create({
        data: { publicationId, headline, status: "PUBLISHED", body: bodyFromBlocks([{ type: "paragraph", text: `${headline}。江门市侨乡发展迎来新机遇。` }]) },
      });
      articles[headline] = article.id;
      await db.placement.create({ data: { pageId: page.id, articleId: article.id, position: position + 1 } });
    }
  }
  return created.id;
}

function get(path: string, headers: Record<string, string> = {}) {
  return fetch(`${base}${path}`, { headers, redirect: "manual" });
}

let march13: string;
let rendering: ReaderRendering;

beforeAll(async () => {
  const created = await createMigratedDatabase();
  db = created.db;
  process.env.DATABASE_URL = created.url;
  const disk = await createTestStorage();
  // A store that can be made unreachable, as an object store can be.
  storage = {
    put: (key, data) => (writesFail || (copiesFail && key.startsWith("reader/site/")) ? Promise.reject(new Error("connect ECONNREFUSED")) : disk.put(key, data)),
    get: (key) => (storeDown ? Promise.reject(new Error("connect ECONNREFUSED")) : disk.get(key)),
    stream: (key) => disk.stream(key),
    exists: (key) => disk.exists(key),
    delete: (key) => disk.delete(key),
  };
  const jmrb = (await db.publication.create({ data: { slug: "jmrb", name: "江门日报", isDefault: true, footerCopyright: "江门日报社版权所有" } })).id;
  editor.id = (await db.user.create({ data: { email: "e@x.test", name: "编辑", role: "EDITOR", passwordHash: "x" } })).id;
  await edition(jmrb, "2023-03-12", [{ number: "A01", name: "要闻", headlines: ["侨乡春耕忙"] }]);
  march13 = await edition(jmrb, "2023-03-13", [
    { number: "A01", name: "要闻", headlines: ["江门代表委员把两会精神转化为实干动力", "我市重点项目集中动工"] },
    { number: "A02", name: "江海新闻", headlines: ["侨都赋能为侨乡发展注入新动能"] },
  ]);

  rendering = await prepareReaderRendering({ storage, render: renderReaderDocument, stylesheet: Buffer.from("body{margin:0}"), buildId: "test" });
  files = await startReaderFiles({ rendering, log: () => {}, retryMs: 200 });
  server = http.createServer((request, response) => {
    files.handle(request, response).then(
      (handled) => {
        if (!handled) response.writeHead(418).end("next");
      },
      () => response.writeHead(503).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  setReaderChangeRenderer(undefined);
  setReaderFileServer(undefined);
  server?.close();
  await db?.$disconnect();
});

describe("published reader pages", () => {
  it("are whole pages with no framework runtime, within the size budget", async () => {
    const response = await get("/2023-03-13/A01");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/^<!DOCTYPE html><html lang="zh-CN">/);
    expect(html).toContain("江门代表委员把两会精神转化为实干动力");
    expect(html).toContain('href="/2023-03-13/A01/1"');
    expect(html).toContain("江门日报社版权所有");
    expect(html).not.toMatch(/<script[^>]+src=|__next_f|_next\/static|rel="preload"|rel="prefetch"/);
    const scripts = [...html.matchAll(/<script(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
    expect(scripts.join("").length).toBeLessThanOrEqual(3 * 1024);
    expect(gzipSync(html).length).toBeLessThanOrEqual(20 * 1024);
    expect(html).toContain('<link rel="alternate" hrefLang="zh-Hant" href="http://localhost:3000/zh-hant/2023-03-13/A01"/>');
  });

  it("run no script the CSP does not name by its hash, and send no HSTS over plain http", async () => {
    const seen = new Set<string>();
    for (const path of ["/2023-03-13/A01", `/2023-03-13/A01/1`, "/zh-hant/2023-03-13/A02", "/archive", "/2023-03-13/Z99"]) {
      const response = await get(path, { "X-Forwarded-Proto": "https" });
      const policy = response.headers.get("content-security-policy")!;
      expect(policy, path).toBe(contentSecurityPolicy());
      expect(response.headers.get("strict-transport-security"), path).toBeNull();
      const html = await response.text();
      const scripts = [...html.matchAll(/<script(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
      for (const script of scripts) {
        const hash = `'sha256-${createHash("sha256").update(script).digest("base64")}'`;
        expect(READER_SCRIPT_HASHES, `${path}: ${script.slice(0, 60)}`).toContain(hash);
        seen.add(hash);
      }
    }
    // All but the swipe, which only a page with an image has (the e2e CSP spec sees it).
    expect(seen.size).toBe(READER_SCRIPT_HASHES.length - 1);
  });

  it("have their own Traditional URLs, in Traditional text, whatever cookie the reader has", async () => {
    const html = await (await get("/zh-hant/2023-03-13/A01/1")).text();
    expect(html).toContain('<html lang="zh-Hant">');
    expect(html).toContain("江門");
    expect(html).not.toContain("江门代表委员");
    expect(html).toContain('href="/zh-hant/2023-03-13/A01"');
  });

  it("are sent precompressed as the reader's browser accepts, with validators and cache headers a CDN honours", async () => {
    const br = await get("/2023-03-13/A01", { "Accept-Encoding": "gzip, deflate, br" });
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("vary")).toBe("Accept-Encoding");
    expect(br.headers.get("cache-control")).toMatch(/max-age=\d+.*stale-while-revalidate=\d+/);
    expect(br.headers.get("surrogate-key")).toBe("reader edition-2023-03-13 page-2023-03-13-A01");
    expect(br.headers.get("permissions-policy")).toContain("geolocation=()");
    expect(br.headers.get("last-modified")).toBeTruthy();
    const gz = await get("/2023-03-13/A01", { "Accept-Encoding": "gzip" });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    const plain = await get("/2023-03-13/A01", { "Accept-Encoding": "identity" });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(await gz.text());
    const again = await get("/2023-03-13/A01", { "Accept-Encoding": "br", "If-None-Match": br.headers.get("etag")! });
    expect(again.status).toBe(304);
  });

  it("send / and a date to the right page, the remembered script to /zh-hant, and anything else to the reader's 404", async () => {
    expect((await get("/")).headers.get("location")).toBe("/2023-03-13/A01");
    expect((await get("/", { Cookie: "script=hant" })).headers.get("location")).toBe("/zh-hant");
    expect((await get("/")).headers.get("cache-control")).toBe("private, no-store");
    expect((await get("/2023-03-13/%E0%A4%A")).status).toBe(400);
    expect((await get("/zh-hant")).headers.get("location")).toBe("/zh-hant/2023-03-13/A01");
    expect((await get("/2023-03-13")).headers.get("location")).toBe("/2023-03-13/A01");
    for (const path of ["/2023-03-14/A01", "/2023-03-13/A09", "/2023-03-13/A01/9", "/2023-03-13/A01/1/x", "/nope", "/archive/1999", "/p/nope/2023-03-13/A01"]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toContain("找不到这一页");
    }
    expect((await get("/p/jmrb/2023-03-13/A01")).headers.get("location")).toBe("/2023-03-13/A01");
    // Probes: a decoded path is escaped again in a Location, and a control character is the client's error.
    expect((await get("/p/jmrb/%C4%80%20x")).headers.get("location")).toBe("/%C4%80%20x");
    expect((await get("/2023-03-13/%00")).status).toBe(400);
    expect((await get("/2023-03-13/A0%01")).status).toBe(400);
    // Search, the dashboard and the feeds are Next's.
    for (const path of ["/search?q=侨乡", "/zh-hant/search", "/admin", "/feed.xml", "/media/x.webp"]) expect((await get(path)).status, path).toBe(418);
  });

  it("list the editions in the archive, and serve the stylesheet as an immutable asset", async () => {
    const month = await (await get("/archive/2023/03")).text();
    expect(month).toContain("江门代表委员把两会精神转化为实干动力");
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(month)![1]!;
    const css = await get(href);
    expect(css.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await css.text()).toBe("body{margin:0}");
  });

  it("are copied by URL into the store, byte for byte what the fast path sends, for nginx to read from there", async () => {
    for (const path of ["/2023-03-13/A01", "/2023-03-13/A01/1", "/zh-hant/2023-03-13/A02", "/archive/2023/03", "/zh-hant/archive"]) {
      const sent = await (await get(path, { "Accept-Encoding": "identity" })).text();
      expect((await storage.get(readerKeys.siteCopy(path))).toString(), path).toBe(sent);
      expect(gunzipSync(await storage.get(readerKeys.siteCopy(path, ".gz"))).toString(), path).toBe(sent);
      expect(brotliDecompressSync(await storage.get(readerKeys.siteCopy(path, ".br"))).toString(), path).toBe(sent);
    }
    expect(readerKeys.siteCopy("/zh-hant/2023-03-13/A02")).toBe("reader/site/zh-hant/2023-03-13/A02/index.html");
  });

  it("keep being served when the store cannot be reached", async () => {
    await get("/2023-03-13/A02", { "Accept-Encoding": "br" });
    storeDown = true;
    try {
      files.forget();
      expect((await get("/2023-03-13/A02", { "Accept-Encoding": "br" })).status).toBe(200);
    } finally {
      storeDown = false;
    }
  });
});

describe("a change to what is published", () => {
  it("a correction re-renders its article and the page that lists it, and no other page", async () => {
    const before = await readJson<EditionRoutes>(storage, readerKeys.edition("jmrb", "2023-03-13"));
    await db.article.update({ where: { id: articles["我市重点项目集中动工"]! }, data: { headline: "我市38个重点项目集中动工" } });
    await publishReaderChange({ kind: "article", articleId: articles["我市重点项目集中动工"]! });
    expect(await (await get("/2023-03-13/A01/2")).text()).toContain("我市38个重点项目集中动工");
    expect(await (await get("/2023-03-13/A01")).text()).toContain("我市38个重点项目集中动工");
    expect(await (await get("/archive/2023/03")).text()).toContain("我市38个重点项目集中动工");
    const after = await readJson<EditionRoutes>(storage, readerKeys.edition("jmrb", "2023-03-13"));
    expect(after!.files["A02"]).toEqual(before!.files["A02"]);
    expect(after!.files["A01/1"]).toEqual(before!.files["A01/1"]);
    expect(after!.files["A01"]!.hans.hash).not.toBe(before!.files["A01"]!.hans.hash);
    // The copies by URL follow.
    expect((await storage.get(readerKeys.siteCopy("/2023-03-13/A01/2"))).toString()).toContain("我市38个重点项目集中动工");
    expect((await storage.get(readerKeys.siteCopy("/zh-hant/2023-03-13/A01"))).toString()).toContain("我市38個重點項目集中動工");
  });

  it("a change the store could not take is rendered again once it can", async () => {
    await db.article.update({ where: { id: articles["侨都赋能为侨乡发展注入新动能"]! }, data: { headline: "侨都赋能 侨乡发展注入新动能" } });
    writesFail = true;
    const errors: unknown[] = [];
    const logged = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      await publishReaderChange({ kind: "article", articleId: articles["侨都赋能为侨乡发展注入新动能"]! });
    } finally {
      console.error = logged;
    }
    expect(errors).toHaveLength(1);
    expect(await (await get("/2023-03-13/A02/1")).text()).not.toContain("侨都赋能 侨乡发展注入新动能");
    writesFail = false;
    await expect.poll(async () => (await (await get("/2023-03-13/A02/1")).text()).includes("侨都赋能 侨乡发展注入新动能"), { timeout: 5_000 }).toBe(true);
  });

  it("copies by URL the store could not take after their table switched are written when the change is rendered again", async () => {
    const id = articles["我市38个重点项目集中动工"] ?? articles["我市重点项目集中动工"]!;
    await db.article.update({ where: { id }, data: { headline: "我市40个重点项目集中动工" } });
    copiesFail = true;
    const logged = console.error;
    console.error = () => {};
    try {
      await publishReaderChange({ kind: "article", articleId: id });
    } finally {
      console.error = logged;
    }
    // The instances already show it (the table switched); nginx's copy is behind…
    expect(await (await get("/2023-03-13/A01/2")).text()).toContain("我市40个重点项目集中动工");
    expect((await storage.get(readerKeys.siteCopy("/2023-03-13/A01/2"))).toString()).not.toContain("我市40个重点项目集中动工");
    copiesFail = false;
    // …until the retry writes every copy again.
    await expect.poll(async () => (await storage.get(readerKeys.siteCopy("/2023-03-13/A01/2"))).toString().includes("我市40个重点项目集中动工"), { timeout: 5_000 }).toBe(true);
  });

  it("every file a route table names is stored whole before the table switches to it", async () => {
    const routes = await readJson<EditionRoutes>(storage, readerKeys.edition("jmrb", "2023-03-13"));
    for (const entry of Object.values(routes!.files)) {
      for (const file of [entry.hans, entry.hant]) {
        for (const encoding of ["", ".gz", ".br"] as const) expect(await storage.exists(readerKeys.file(file.hash, encoding))).toBe(true);
      }
    }
  });

  it("a withdrawal takes the edition away at once, and / leads to the edition before it", async () => {
    await withdrawEdition({ db, actor: editor, editionId: march13, reason: "版面有误" });
    for (const path of ["/2023-03-13/A01", "/2023-03-13/A01/1", "/zh-hant/2023-03-13/A02", "/2023-03-13"]) expect((await get(path)).status, path).toBe(404);
    for (const path of ["/2023-03-13/A01", "/2023-03-13/A01/1", "/zh-hant/2023-03-13/A02"]) {
      for (const encoding of ["", ".gz", ".br"] as const) expect(await storage.exists(readerKeys.siteCopy(path, encoding)), path + encoding).toBe(false);
    }
    expect(await storage.exists(readerKeys.siteCopy("/2023-03-12/A01", ".br"))).toBe(true);
    expect((await get("/")).headers.get("location")).toBe("/2023-03-12/A01");
    const month = await (await get("/archive/2023/03")).text();
    expect(month).not.toContain("江门代表委员");
    // The calendar of the edition before no longer offers the 13th.
    expect(await (await get("/2023-03-12/A01")).text()).not.toContain('href="/2023-03-13"');
  });
});

describe("a new month", () => {
  it("its first edition appears in the month before: the archive's 下一月 and the last edition's 下一期", async () => {
    const publicationId = (await db.publication.findFirstOrThrow({ where: { isDefault: true } })).id;
    const edition = await db.edition.create({ data: { publicationId, date: editionDate("2023-04-03"), status: "PLANNING" } });
    const page = await db.page.create({ data: { editionId: edition.id, number: "A01", section: "A", position: 1, name: "要闻", status: "PLANNING" } });
    const article = await db.article.create({ data: { publicationId, headline: "四月头条", status: "READY", body: bodyFromBlocks([{ type: "paragraph", text: "四月头条" }]) } });
    await db.placement.create({ data: { pageId: page.id, articleId: article.id, position: 1 } });
    await publishEdition({ db, actor: editor, editionId: edition.id, override: "测试" });
    expect((await get("/")).headers.get("location")).toBe("/2023-04-03/A01");
    expect(await (await get("/archive/2023/03")).text()).toContain('href="/archive/2023/04"');
    expect(await (await get("/2023-03-12/A01")).text()).toContain('href="/2023-04-03"');
    expect(await (await get("/archive/2023/04")).text()).toContain("四月头条");
  });
});

describe("a settings change", () => {
  it("renders every file again in the background, its progress in the store", async () => {
    await db.publication.updateMany({ where: { isDefault: true }, data: { footerCopyright: "江门日报社 版权所有 2026" } });
    const started = Date.now();
    await publishReaderChange({ kind: "publications" });
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect.poll(async () => (await readRenderAllProgress(storage))?.finishedAt ?? null, { timeout: 20_000 }).not.toBeNull();
    const progress = await readRenderAllProgress(storage);
    expect(progress).toMatchObject({ failed: null });
    expect(progress!.done).toBe(progress!.total);
    files.forget();
    expect(await (await get("/2023-03-12/A01")).text()).toContain("江门日报社 版权所有 2026");
    expect(await (await get("/archive")).text()).toContain("江门日报社 版权所有 2026");
  });
});

describe("the dashboard's preview", () => {
  it("is the edition's files as publishing will render them, ready stories only, its own links kept in the preview", async () => {
    const publicationId = (await db.publication.findFirstOrThrow({ where: { isDefault: true } })).id;
    const edition = await db.edition.create({ data: { publicationId, date: editionDate("2023-03-15"), status: "PLANNING" } });
    const page = await db.page.create({ data: { editionId: edition.id, number: "A01", section: "A", position: 1, name: "要闻", status: "PLANNING" } });
    for (const [position, [headline, status]] of ([["明日头条：侨乡新春", "READY"], ["尚在写作的稿件", "DRAFT"]] as const).entries()) {
      const article = await db.article.create({ data: { publicationId, headline, status, body: bodyFromBlocks([{ type: "paragraph", text: headline }]) } });
      await db.placement.create({ data: { pageId: page.id, articleId: article.id, position: position + 1 } });
    }
    const banner = { banner: "预览 2023-03-15", backHref: "/admin/editions", backLabel: "报纸" };
    expect(await renderPreview(rendering, { date: "2023-03-15", path: [], banner })).toEqual({ redirect: "/admin/editions/2023-03-15/preview/A01" });
    const answer = await renderPreview(rendering, { date: "2023-03-15", path: ["A01"], banner });
    const html = answer && "html" in answer ? answer.html : "";
    expect(html).toContain("明日头条：侨乡新春");
    expect(html).not.toContain("尚在写作的稿件");
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(html).toContain("预览 2023-03-15");
    expect(html).toContain('href="/admin/editions/2023-03-15/preview/A01/1"');
    expect(html).toContain('href="/admin/editions/2023-03-15/preview/hant/A01"');
    expect(html).not.toMatch(/href="\/2023-03-15\//);
    const hant = await renderPreview(rendering, { date: "2023-03-15", path: ["hant", "A01", "1"], banner });
    expect(hant && "html" in hant ? hant.html : "").toContain("明日頭條");
    // Unpublished: nothing on the reader site.
    expect((await get("/2023-03-15/A01")).status).toBe(404);
    expect(await renderPreview(rendering, { date: "2023-03-15", path: ["A09"], banner })).toBeNull();
  });
});
