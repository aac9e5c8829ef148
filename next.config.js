// @ts-check

/** Security headers for every response; the dashboard adds no-store in proxy.ts. */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "SAMEORIGIN" },
  { key: "Content-Security-Policy", value: "frame-ancestors 'self'" },
];

// Reader URLs are short and stable (/2023-03-13/A05/4); a second publication
// has its own prefix (/p/{slug}/…), and the Traditional script its own URLs
// under /zh-hant (/zh-hant/2023-03-13/A05/4), so a URL always gives the same
// page, whoever asks (shared caches and CDNs need nothing else). Internally
// every reader page lives under /{script}/{publication}/…, where "_" is the
// default publication and the script is hans or hant. Rewrites here cost far
// less per request than doing the same in proxy.ts. Rules apply in turn to
// the rewritten path, so the internal tree (hans/hant) is excluded; reached
// directly, its pages carry a canonical link to the short URL.
const NOT_READER =
  "admin|api|_next|media|feed\\.xml|feeds|sitemap\\.xml|sitemaps|news-sitemap\\.xml|robots\\.txt|favicon\\.ico|icon|apple-icon|hans|hant|zh-hant";
const TRADITIONAL_PREFIX = "/zh-hant";

/**
 * Surrogate keys for a CDN in front of the reader site (the names and what
 * purges them: lib/reader/cdn-purge.ts): every reader response is `reader`;
 * an edition's pages `edition-{date}`, a page view `page-{date}-{page}`, an
 * article `article-{date}-{page}-{n}`, in both scripts and for every
 * publication. Sent as Surrogate-Key (space-separated: Fastly, Varnish) and
 * Cache-Tag (comma-separated: Cloudflare). Later rules override earlier ones.
 */
function surrogateKeyHeaders() {
  const keys = (/** @type {string[]} */ list) => [
    { key: "Surrogate-Key", value: list.join(" ") },
    { key: "Cache-Tag", value: list.join(",") },
  ];
  const date = ":date(\\d{4}-\\d{2}-\\d{2})";
  const prefixes = ["", TRADITIONAL_PREFIX, "/p/:publication", `${TRADITIONAL_PREFIX}/p/:publication`];
  return [
    { source: "/:path((?!(?:admin|api|_next|media)(?:/|$)).*)", headers: keys(["reader"]) },
    ...prefixes.flatMap((prefix) => [
      { source: `${prefix}/${date}`, headers: keys(["reader", "edition-:date"]) },
      { source: `${prefix}/${date}/:page`, headers: keys(["reader", "edition-:date", "page-:date-:page"]) },
      { source: `${prefix}/${date}/:page/:article(\\d+)`, headers: keys(["reader", "edition-:date", "page-:date-:page", "article-:date-:page-:article"]) },
    ]),
  ];
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: "standalone",
  // `npm test` builds into its own folder so it can run beside `npm start`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Shared caches may serve a reader page at most an hour past its 5 minutes
  // (stale-while-revalidate), so a withdrawn page leaves a CDN within the hour.
  expireTime: 3600,
  reactStrictMode: true,
  // `npm test` type-checks on its own first; a second check in the build is wasted time.
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
  // Loaded with Node's own require at run time, not bundled.
  serverExternalPackages: ["@prisma/adapter-pg", "pg", "@node-rs/argon2", "@node-rs/jieba", "sharp", "exifr", "heic-convert", "@aws-sdk/client-s3"],
  // Files read at run time that static tracing cannot see: migrations, the WASM
  // schema engine and the demo edition loaded on first start.
  outputFileTracingIncludes: {
    "/**": [
      "./prisma/migrations/**/*",
      "./prisma/demo/**/*",
      "./node_modules/@prisma/schema-engine-wasm/*.wasm",
      // jieba's dictionaries (dict.js reads dict.txt and idf.txt when search first segments text).
      "./node_modules/@node-rs/jieba/*.txt",
    ],
  },
  async rewrites() {
    const reader = [
      { source: "/p/:publication", destination: "/:script/:publication" },
      { source: "/p/:publication/:path+", destination: "/:script/:publication/:path+" },
      { source: "/", destination: "/:script/_" },
      { source: `/:path((?!(?:${NOT_READER})(?:/|$)).+)`, destination: "/:script/_/:path" },
    ];
    return {
      beforeFiles: [
        ...reader.map((rule) => ({ source: rule.source === "/" ? TRADITIONAL_PREFIX : `${TRADITIONAL_PREFIX}${rule.source}`, destination: rule.destination.replace(":script", "hant") })),
        ...reader.map((rule) => ({ source: rule.source, destination: rule.destination.replace(":script", "hans") })),
      ],
    };
  },
  // A remembered choice of script (the 简/繁 link sets a cookie) only opens the site's front door in it.
  async redirects() {
    return [{ source: "/", has: [{ type: "cookie", key: "script", value: "hant" }], destination: TRADITIONAL_PREFIX, permanent: false }];
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }, ...surrogateKeyHeaders()];
  },
};

export default nextConfig;
