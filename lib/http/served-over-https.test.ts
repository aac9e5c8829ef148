import { describe, expect, it } from "vitest";
import { parseTrustedProxies, PEER_HEADER } from "./client-address";
import { nodeHeaders, servedOverHttps } from "./served-over-https";

const trustedProxies = parseTrustedProxies("10.0.0.0/8");
const request = (peer: string, proto?: string) => new Headers({ [PEER_HEADER]: peer, ...(proto ? { "x-forwarded-proto": proto } : {}) });

describe("servedOverHttps", () => {
  it("is true for every request when the site's address is https", () => {
    expect(servedOverHttps(request("203.0.113.9"), { siteUrl: "https://epaper.example.com", trustedProxies })).toBe(true);
  });

  it("believes X-Forwarded-Proto from a trusted proxy only", () => {
    const options = { siteUrl: "http://localhost:3000", trustedProxies };
    expect(servedOverHttps(request("10.1.2.3", "https"), options)).toBe(true);
    expect(servedOverHttps(request("10.1.2.3", "https, http"), options)).toBe(true);
    expect(servedOverHttps(request("10.1.2.3", "http"), options)).toBe(false);
    expect(servedOverHttps(request("10.1.2.3"), options)).toBe(false);
    expect(servedOverHttps(request("203.0.113.9", "https"), options)).toBe(false);
    expect(servedOverHttps(request("::ffff:10.1.2.3", "HTTPS"), { siteUrl: undefined, trustedProxies })).toBe(true);
  });

  it("reads a Node request's headers", () => {
    expect(servedOverHttps(nodeHeaders({ [PEER_HEADER]: "10.0.0.1", "x-forwarded-proto": "https" }), { siteUrl: undefined, trustedProxies })).toBe(true);
  });
});
