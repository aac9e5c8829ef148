import { z } from "zod";
import { parseTrustedProxies } from "@/lib/http/client-address";

// Every environment variable the app reads, validated once. `.env.example`
// documents each of them.

const boolean = z
  .enum(["1", "0", "true", "false", "yes", "no"])
  .transform((value) => value === "1" || value === "true" || value === "yes");

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .trim()
    .refine((value) => /^postgres(ql)?:\/\//.test(value), "must be a postgresql:// connection string")
    .optional(),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)").optional(),
  NEXTAUTH_URL: z.url("must be an absolute URL such as https://epaper.example.com").optional(),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  ADMIN_EMAIL: z.email("must be an e-mail address").optional(),
  ADMIN_PASSWORD: z.string().min(10, "must be at least 10 characters").optional(),
  SEED_DEMO: boolean.default(true),
  STORAGE_DIR: optionalText,
  /** The reader pages' stylesheet; default reader.css beside the server (the build writes it there). */
  READER_STYLESHEET: optionalText,
  /** An S3-compatible object store every instance shares; unset: the folder STORAGE_DIR. */
  S3_BUCKET: optionalText,
  S3_ENDPOINT: z.url({ protocol: /^https?$/, error: "must be the store's http(s) URL, such as http://minio:9000" }).optional(),
  S3_REGION: z.string().trim().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: optionalText,
  S3_SECRET_ACCESS_KEY: optionalText,
  S3_FORCE_PATH_STYLE: boolean.optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** The CDN purge hook: POSTed the surrogate keys and URLs to drop when reader pages change (lib/reader/cdn-purge.ts). */
  CDN_PURGE_URL: z.url({ protocol: /^https?$/, error: "must be the purge hook's http(s) URL" }).optional(),
  /** Signs each purge request (X-Newsroom-Signature: sha256=HMAC of the body). */
  CDN_PURGE_SECRET: optionalText,
  /** Proxies whose X-Forwarded-For is believed ("127.0.0.1, 10.0.0.0/8"); none by default (lib/http/client-address.ts). */
  TRUSTED_PROXIES: optionalText.refine((value) => {
    try {
      parseTrustedProxies(value);
      return true;
    } catch {
      return false;
    }
  }, "must be IP addresses or CIDR ranges separated by commas, such as 127.0.0.1, 10.0.0.0/8"),
  /** A staff session ends this long after sign-in (a long shift)… */
  SESSION_MAX_AGE_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  /** …or after this long without a request. */
  SESSION_IDLE_MINUTES: z.coerce.number().positive().max(24 * 60).default(120),
}).superRefine((value, context) => {
  // Half an S3 configuration would quietly fall back to the local folder: refuse it.
  if (!value.S3_BUCKET && (value.S3_ENDPOINT || value.S3_ACCESS_KEY_ID || value.S3_SECRET_ACCESS_KEY)) {
    context.addIssue({ code: "custom", path: ["S3_BUCKET"], message: "must be set when S3_ENDPOINT or S3 keys are" });
  }
  if (Boolean(value.S3_ACCESS_KEY_ID) !== Boolean(value.S3_SECRET_ACCESS_KEY)) {
    context.addIssue({ code: "custom", path: [value.S3_ACCESS_KEY_ID ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID"], message: "must be set together with the other S3 key" });
  }
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses `source` (default: process.env); the error names each bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new EnvError(`Invalid environment variables:\n${lines.join("\n")}\nSee .env.example.`);
}

let cached: Env | undefined;

/** The validated environment of this process. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
