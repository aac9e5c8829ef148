// @ts-check
// Security headers of every response: set by next.config.js for what Next
// serves and by the reader file server (lib/reader-files) for published pages.
// Plain JavaScript: next.config.js loads it without a compiler.

/** @type {{ key: string; value: string }[]} */
export const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "SAMEORIGIN" },
  { key: "Content-Security-Policy", value: "frame-ancestors 'self'" },
  // No page here needs the camera, the microphone, the reader's location or payments.
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
];

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
