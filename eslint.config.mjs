import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Images are resized once, when they are stored (lib/media), and served
      // with srcset from /media; next/image's runtime optimiser would redo that.
      "@next/next/no-img-element": "off",
    },
  },
  {
    // lib/ is the domain: it never reaches up into routes or React components (docs/ARCHITECTURE.md).
    // Its tests may render through components (the reader's documents) to check the whole.
    files: ["lib/**/*.{ts,tsx,js}"],
    ignores: ["lib/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/app/*", "@/components/*", "**/app/*", "**/components/*"], message: "lib/ never imports app/ or components/: move what both need into lib/." }] },
      ],
    },
  },
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".next-*/**",
      ".data/**",
      "lib/db/generated/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
];

export default config;
