// @ts-check
// Security headers of every response: set by next.config.js for what Next
// serves, by the reader file server (lib/reader-files) for published pages
// and, for pages Next renders, a per-request CSP by proxy.ts. Plain
// JavaScript: next.config.js loads it without a compiler.
import { READER_SCRIPT_HASHES } from "../reader/inline-scripts.js";

/**
 * The Content-Security-Policy. Without a nonce (published reader pages and
 * whatever else Next serves without proxy.ts: feeds, media, APIs): scripts
 * only the reader's own inline ones, by hash, so the header is one constant
 * per build. With a nonce (pages Next renders: the dashboard, search), Next
 * puts it on its inline scripts, and its chunks load from 'self'; the
 * reader's hashes stay, as search and the dashboard's preview carry the same
 * inline scripts. Not 'strict-dynamic': with it Chromium runs an inline
 * script any running script adds to the page, and every file served here is
 * ours (nosniff: nothing uploaded runs as a script). Styles allow
 * 'unsafe-inline': React and the editor write style attributes, and styles
 * cannot run code. 'unsafe-eval' only in development, where React needs it.
 * @param {{ nonce?: string; frameAncestors?: "'self'" | "'none'"; dev?: boolean }} [options]
 * @returns {string}
 */
export function contentSecurityPolicy(options = {}) {
  const scripts = options.nonce ? ["'self'", `'nonce-${options.nonce}'`, ...READER_SCRIPT_HASHES] : [...READER_SCRIPT_HASHES];
  if (options.dev) scripts.push("'unsafe-eval'");
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    // Uploads are previewed from blob: URLs before they are sent.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${options.frameAncestors ?? "'self'"}`,
  ].join("; ");
}

/** @type {{ key: string; value: string }[]} */
export const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "SAMEORIGIN" },
  { key: "Content-Security-Policy", value: contentSecurityPolicy() },
  // No page here needs the camera, the microphone, the reader's location or payments.
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
];

/** HSTS, sent only with answers to requests that came over https (lib/http/served-over-https.ts). */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

/**
 * Surrogate keys of a reader URL path (a CDN purges by them: lib/reader/cdn-purge.ts):
 * every reader response is `reader`; an edition's pages `edition-{date}`, a page
 * view `page-{date}-{page}`, an article `article-{date}-{page}-{n}`, whatever the
 * script or publication. Sent as Surrogate-Key (Fastly, Varnish) and Cache-Tag (Cloudflare).
 * @param {string} path
 * @returns {string[]}
 */
export function surrogateKeysOf(path) {
  const match = /^(?:\/zh-hant)?(?:\/p\/[^/]+)?\/(\d{4}-\d{2}-\d{2})(?:\/([A-Za-z0-9]+)(?:\/(\d+))?)?\/?$/.exec(path);
  if (!match) return ["reader"];
  const [, date, page, article] = match;
  return ["reader", `edition-${date}`, ...(page ? [`page-${date}-${page}`] : []), ...(article ? [`article-${date}-${page}-${article}`] : [])];
}
