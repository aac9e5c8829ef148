import type { IncomingMessage, ServerResponse } from "node:http";
import { isEditionDate } from "@/lib/time/edition-date";
import { SCRIPT_COOKIE, type Script } from "@/lib/reader/script";
import { inScript, pageUrl, TRADITIONAL_PREFIX, type PublicationRef } from "@/lib/reader/urls";
import { isStorageNotFound, type Storage } from "@/lib/storage/storage";
import { securityHeaders, STRICT_TRANSPORT_SECURITY, surrogateKeysOf } from "@/lib/http/security-headers.js";
import { PAGE_CACHE_CONTROL, readerKeys, readJson, type EditionRoutes, type FileRef, type PublicationRoutes, type SiteRoutes } from "./site-routes";

// The fast path of `npm start`: published reader pages answered straight from
// the shared store, before Next's router sees the request. Route tables and
// files are kept in memory; files are immutable (content-addressed), tables
// are re-read before their next use when another instance announces a change
// (forget), and in the background once ROUTES_TTL_MS old (a missed notice).
// When the store cannot be reached, the last tables and files read keep
// being served.

/** Paths Next answers: search, the dashboard, APIs, media, feeds, sitemaps. */
const NEXT_OWNED = new Set(["search", "admin", "api", "_next", "media", "feed.xml", "feeds", "sitemap.xml", "sitemaps", "news-sitemap.xml", "robots.txt", "favicon.ico", "icon", "apple-icon", "hans", "hant"]);
const ASSET_PREFIX = "/reader-assets/";
const REMEMBERS_TRADITIONAL = new RegExp(`(^|;\\s*)${SCRIPT_COOKIE}=hant(;|$)`);
const ROUTES_TTL_MS = 5_000;
/** A table another instance announced a change to: read again before it is used. */
const FORGOTTEN = -Infinity;
const SECURITY_HEADERS = Object.fromEntries(securityHeaders.map((header) => [header.key, header.value]));
const FILE_CACHE_BYTES = 64 * 1024 * 1024;

const ASSET_CACHE_CONTROL = "public, max-age=31536000, immutable";
const REDIRECT_CACHE_CONTROL = "public, max-age=0, s-maxage=10";
/** `/` depends on the reader's remembered script (a cookie): never kept by a shared cache. */
const FRONT_DOOR_CACHE_CONTROL = "private, no-store";

export function readerAssetUrl(name: string): string {
  return `${ASSET_PREFIX}${name}`;
}

type Encoding = "br" | "gzip" | "identity";

// A coding named in Accept-Encoding and not refused with q=0.
const accepts = (name: string) => new RegExp(`(^|[\\s,])${name}(?!\\s*;\\s*q=0(\\.0*)?(\\s|,|$))([\\s;,]|$)`, "i");
const ACCEPTS_BR = accepts("br");
const ACCEPTS_GZIP = accepts("gzip");

function encodingFor(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return "identity";
  return ACCEPTS_BR.test(acceptEncoding) ? "br" : ACCEPTS_GZIP.test(acceptEncoding) ? "gzip" : "identity";
}

export interface ReaderFileServer {
  /** Answers the request when it is for a reader page or asset; false leaves it to Next. */
  handle(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
  /** Reads the route tables again at their next use (another instance published). */
  forget(): void;
}

export function createReaderFileServer(options: { storage: Storage; now?: () => number; overHttps?: (request: IncomingMessage) => boolean }): ReaderFileServer {
  const { storage } = options;
  const now = options.now ?? Date.now;
  const overHttps = options.overHttps ?? (() => false);
  const tables = new Map<string, { value: unknown; readAt: number; refreshing?: Promise<unknown> }>();
  const files = new Map<string, Buffer>();
  let fileBytes = 0;

  // Bumped by forget(): a read that began before a change was announced may carry the old table, and is not kept.
  let generation = 0;

  async function read<T>(key: string): Promise<T | null> {
    const began = generation;
    const value = await readJson<T>(storage, key);
    if (began === generation) tables.set(key, { value, readAt: now() });
    return value;
  }

  async function table<T>(key: string): Promise<T | null> {
    const held = tables.get(key);
    if (held && now() - held.readAt < ROUTES_TTL_MS) return held.value as T | null;
    // Only old (no change announced): answered as held while one read refreshes it.
    if (held && held.readAt !== FORGOTTEN) {
      held.refreshing ??= read<T>(key).catch(() => {
        held.refreshing = undefined;
      });
      return held.value as T | null;
    }
    try {
      return await read<T>(key);
    } catch (error) {
      // The store is unreachable: what was read last is still the best answer.
      if (held) return held.value as T | null;
      throw error;
    }
  }

  async function file(key: string): Promise<Buffer> {
    const held = files.get(key);
    if (held) {
      // Most recently used last: the oldest are evicted first.
      files.delete(key);
      files.set(key, held);
      return held;
    }
    const data = await storage.get(key);
    files.set(key, data);
    fileBytes += data.length;
    for (const [oldKey, oldData] of files) {
      if (fileBytes <= FILE_CACHE_BYTES) break;
      files.delete(oldKey);
      fileBytes -= oldData.length;
    }
    return data;
  }

  /** The security headers of every answer; HSTS only when the browser came over https. */
  function securityFor(request: IncomingMessage): Record<string, string> {
    return overHttps(request) ? { ...SECURITY_HEADERS, "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY } : SECURITY_HEADERS;
  }

  // Set in one writeHead: the headers every reader answer shares, and its surrogate keys.
  function headersFor(request: IncomingMessage, path: string): Record<string, string> {
    const keys = surrogateKeysOf(path);
    return { ...securityFor(request), "Surrogate-Key": keys.join(" "), "Cache-Tag": keys.join(",") };
  }

  function redirect(request: IncomingMessage, response: ServerResponse, path: string, location: string, status = 307, cacheControl = REDIRECT_CACHE_CONTROL) {
    response.writeHead(status, { ...headersFor(request, path), Location: location, "Cache-Control": cacheControl, "Content-Length": "0" });
    response.end();
    return true;
  }

  async function sendPage(request: IncomingMessage, response: ServerResponse, path: string, ref: FileRef, status = 200) {
    const encoding = encodingFor(request.headers["accept-encoding"]);
    const etag = `"${ref.hash}${encoding === "identity" ? "" : `-${encoding}`}"`;
    const headers: Record<string, string> = { ...headersFor(request, path), Vary: "Accept-Encoding", "Cache-Control": status === 200 ? PAGE_CACHE_CONTROL : REDIRECT_CACHE_CONTROL };
    if (status === 200) {
      headers["ETag"] = etag;
      headers["Last-Modified"] = ref.modified;
      const match = request.headers["if-none-match"];
      if (match && match.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === etag)) {
        response.writeHead(304, headers);
        response.end();
        return true;
      }
    }
    const body = await file(readerKeys.file(ref.hash, encoding === "br" ? ".br" : encoding === "gzip" ? ".gz" : ""));
    headers["Content-Type"] = "text/html; charset=utf-8";
    headers["Content-Length"] = String(body.length);
    if (encoding !== "identity") headers["Content-Encoding"] = encoding;
    response.writeHead(status, headers);
    response.end(request.method === "HEAD" ? undefined : body);
    return true;
  }

  async function sendAsset(request: IncomingMessage, response: ServerResponse, name: string) {
    if (!/^[0-9a-f]{40}\.css$/.test(name)) return false;
    let body: Buffer;
    try {
      body = await file(readerKeys.asset(name));
    } catch (error) {
      if (isStorageNotFound(error)) return false;
      throw error;
    }
    response.writeHead(200, { ...securityFor(request), "Content-Type": "text/css; charset=utf-8", "Content-Length": String(body.length), "Cache-Control": ASSET_CACHE_CONTROL, ETag: `"${name}"` });
    response.end(request.method === "HEAD" ? undefined : body);
    return true;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    if (request.method !== "GET" && request.method !== "HEAD") return false;
    const url = request.url ?? "/";
    const rawPath = url.split("?")[0]!;
    let path: string;
    try {
      path = decodeURIComponent(rawPath);
      // No reader URL holds a control character; NUL and the like are probes.
      if (/[\u0000-\u001f\u007f]/.test(path)) throw new URIError("control character");
    } catch {
      // A malformed escape (a lone "%") or a control character is the client's error, on any path.
      response.writeHead(400, { ...securityFor(request), "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
      response.end("Bad request: the address is not valid.");
      return true;
    }
    if (path.startsWith(ASSET_PREFIX)) return sendAsset(request, response, path.slice(ASSET_PREFIX.length));
    if (path.length > 1 && path.endsWith("/")) path = path.slice(0, -1);

    const script: Script = path === TRADITIONAL_PREFIX || path.startsWith(`${TRADITIONAL_PREFIX}/`) ? "hant" : "hans";
    const segments = (script === "hant" ? path.slice(TRADITIONAL_PREFIX.length) : path).split("/").filter(Boolean);
    const routed = segments[0] === "p" && segments[1] ? segments.slice(2) : segments;
    if (routed[0] !== undefined && NEXT_OWNED.has(routed[0])) return false;

    const site = await table<SiteRoutes>(readerKeys.site());
    if (!site?.defaultSlug) return false;
    const slug = segments[0] === "p" && segments[1] ? segments[1] : site.defaultSlug;
    const known = site.slugs.includes(slug);
    const publication: PublicationRef = { slug: known ? slug : site.defaultSlug, isDefault: slug === site.defaultSlug, script };
    const routes = await table<PublicationRoutes>(readerKeys.publication(publication.slug));
    if (!routes) return false;
    const notFound = () => sendPage(request, response, path, routes.notFound[script], 404);
    if (!known) return notFound();
    // The default publication has the short URLs only.
    if (segments[0] === "p" && publication.isDefault) {
      const query = url.includes("?") ? url.slice(url.indexOf("?")) : "";
      // The path was decoded: escaped again, or a character outside ASCII would not fit in the Location header.
      return redirect(request, response, path, `${inScript(`/${routed.map(encodeURIComponent).join("/")}`, script)}${query}`, 308);
    }

    const [first, second, third, ...deeper] = routed;
    if (first === undefined) {
      // A remembered choice of script (the 简/繁 link sets a cookie) only opens the front door in it.
      const cookie = request.headers.cookie ?? "";
      if (script === "hans" && publication.isDefault && REMEMBERS_TRADITIONAL.test(cookie)) return redirect(request, response, path, TRADITIONAL_PREFIX, 307, FRONT_DOOR_CACHE_CONTROL);
      return routes.latest ? redirect(request, response, path, pageUrl(publication, routes.latest.date, routes.latest.first), 307, FRONT_DOOR_CACHE_CONTROL) : notFound();
    }
    if (first === "archive") {
      const files = routes.archive[routed.slice(1).join("/")];
      return files ? sendPage(request, response, path, files[script]) : notFound();
    }
    if (!isEditionDate(first) || deeper.length > 0) return notFound();
    const edition = await table<EditionRoutes>(readerKeys.edition(publication.slug, first));
    if (!edition) return notFound();
    if (second === undefined) return redirect(request, response, path, pageUrl(publication, first, edition.first));
    const files = edition.files[third === undefined ? second : `${second}/${third}`];
    if (!files) return notFound();
    return sendPage(request, response, path, files[script]);
  }

  return {
    handle,
    // Stale, not gone: if the store cannot be reached, what was read last is still served.
    forget() {
      generation += 1;
      for (const held of tables.values()) held.readAt = FORGOTTEN;
    },
  };
}
