// @ts-check

import { securityHeaders, surrogateKeysOf } from "./lib/http/security-headers.js";

// Reader pages are published files, answered before Next sees the request
// (lib/reader-files/reader-file-server.ts); the one reader page Next renders
// is search: /search, /p/{slug}/search and their Traditional twins under
// /zh-hant. Internally it lives under /{script}/{publication}/search, where
// "_" is the default publication and the script is hans or hant. Rules apply
// in turn to the rewritten path, so the internal tree (hans/hant) is excluded.
const NOT_READER =
  "admin|api|_next|media|feed\\.xml|feeds|sitemap\\.xml|sitemaps|news-sitemap\\.xml|robots\\.txt|favicon\\.ico|icon|apple-icon|hans|hant|zh-hant";
const TRADITIONAL_PREFIX = "/zh-hant";

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
  async headers() {
    // What Next serves of the reader site (feeds, sitemaps, search) is purged with it from a CDN.
    const readerKeys = surrogateKeysOf("/");
    return [
      { source: "/:path*", headers: securityHeaders },
      {
        source: "/:path((?!(?:admin|api|_next|media)(?:/|$)).*)",
        headers: [
          { key: "Surrogate-Key", value: readerKeys.join(" ") },
          { key: "Cache-Tag", value: readerKeys.join(",") },
        ],
      },
    ];
  },
};

export default nextConfig;
