import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as inlineScripts from "@/lib/reader/inline-scripts.js";
import { contentSecurityPolicy, securityHeaders } from "./security-headers.js";

const directives = (policy: string) => new Map(policy.split(";").map((part) => { const [name, ...sources] = part.trim().split(/\s+/); return [name!, sources]; }));
const scriptTexts = Object.entries(inlineScripts).filter(([name]) => name.endsWith("_SCRIPT")).map(([, text]) => text as string);
const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

describe("contentSecurityPolicy", () => {
  it("for reader pages allows exactly the reader's inline scripts, by hash, and nothing inline or evaluated", () => {
    const policy = directives(contentSecurityPolicy());
    expect(scriptTexts.length).toBe(5);
    expect([...policy.get("script-src")!].sort()).toEqual(scriptTexts.map(sha256).sort());
    expect(policy.get("script-src")).toEqual([...inlineScripts.READER_SCRIPT_HASHES]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'self'"]);
    // Styles only: React writes style attributes.
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("for pages Next renders adds the request's nonce and the site's own files, not 'strict-dynamic' (it lets a running script add inline ones)", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "bm9uY2U=", frameAncestors: "'none'" }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-bm9uY2U='", ...inlineScripts.READER_SCRIPT_HASHES]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("allows eval in development only", () => {
    expect(contentSecurityPolicy({ nonce: "bm9uY2U=", dev: true })).toContain("'unsafe-eval'");
    for (const policy of [contentSecurityPolicy(), contentSecurityPolicy({ nonce: "bm9uY2U=" })]) {
      expect(policy).not.toMatch(/unsafe-eval/);
      expect(directives(policy).get("script-src")).not.toContain("'unsafe-inline'");
    }
  });

  it("is what deploy/nginx.conf sends with the pages it reads from the store, header for header", () => {
    const conf = readFileSync(path.join(import.meta.dirname, "../../deploy/nginx.conf"), "utf8");
    const storeLocation = conf.slice(conf.indexOf("proxy_pass http://newsroom_store/newsroom/reader/site"), conf.indexOf("location ~ \"^/reader-assets/"));
    const sent = new Map([...storeLocation.matchAll(/add_header ([\w-]+) (?:"([^"]*)"|(\S+)) always;/g)].map((match) => [match[1]!, match[2] ?? match[3]!]));
    for (const header of securityHeaders) expect(sent.get(header.key), `${header.key} in deploy/nginx.conf`).toBe(header.value);
  });
});
