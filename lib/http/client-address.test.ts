import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies, PEER_HEADER } from "./client-address";

const request = (peer: string | undefined, forwardedFor?: string) =>
  new Headers({ ...(peer === undefined ? {} : { [PEER_HEADER]: peer }), ...(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor }) });

describe("clientAddress", () => {
  it("is the peer the server saw when no proxy is trusted: a forged X-Forwarded-For changes nothing", () => {
    const none = parseTrustedProxies(undefined);
    const seen = new Set(Array.from({ length: 60 }, (_, index) => clientAddress(request("203.0.113.9", `10.9.${index}.1`), none)));
    expect([...seen]).toEqual(["203.0.113.9"]);
    expect(clientAddress(request("::ffff:203.0.113.9"), none)).toBe("203.0.113.9");
    expect(clientAddress(request(undefined, "198.51.100.1"), none)).toBeUndefined();
  });

  it("behind trusted proxies, is the right-most address no trusted proxy vouches for", () => {
    const trusted = parseTrustedProxies("127.0.0.1, 10.0.0.0/8, fd00::/8");
    // nginx (127.0.0.1) in front, a CDN edge (10.1.2.3) before it; what the client wrote itself comes first and is not believed.
    expect(clientAddress(request("127.0.0.1", "6.6.6.6, 198.51.100.20, 10.1.2.3"), trusted)).toBe("198.51.100.20");
    expect(clientAddress(request("127.0.0.1", "198.51.100.20"), trusted)).toBe("198.51.100.20");
    expect(clientAddress(request("fd00::5", "2001:db8::1"), trusted)).toBe("2001:db8::1");
    // Nothing forwarded, or only trusted hops: the last one seen.
    expect(clientAddress(request("127.0.0.1"), trusted)).toBe("127.0.0.1");
    expect(clientAddress(request("127.0.0.1", "10.0.0.7"), trusted)).toBe("10.0.0.7");
    // A malformed entry stops the walk at the last good hop.
    expect(clientAddress(request("127.0.0.1", "198.51.100.20, not-an-ip"), trusted)).toBe("127.0.0.1");
  });

  it("refuses a trusted-proxy list that is not addresses or ranges", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/CIDR/);
    expect(() => parseTrustedProxies("proxy.example.com")).toThrow(/not an IP/);
    expect(() => parseTrustedProxies(" 127.0.0.1 , ::1 ")).not.toThrow();
  });
});
