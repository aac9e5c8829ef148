import { BlockList, isIP } from "node:net";

// The address of the client a request came from, for throttling sign-in. The
// server (scripts/standalone-server.mjs) puts the address of the peer it saw
// in PEER_HEADER, replacing whatever a client sent under that name. When the
// peer is a trusted proxy (TRUSTED_PROXIES: nginx, a load balancer, a CDN),
// X-Forwarded-For is read from the right, skipping trusted proxies: the first
// address no trusted proxy vouches for is the client. X-Forwarded-For from
// anyone else is ignored: a client can write anything there.

export const PEER_HEADER = "x-newsroom-peer";

/** IPv4 seen through an IPv6 socket ("::ffff:10.0.0.1") as plain IPv4. */
function normalise(address: string): string | undefined {
  const trimmed = address.trim().replace(/^\[|\]$/g, "");
  const plain = trimmed.startsWith("::ffff:") && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
  return isIP(plain) ? plain : undefined;
}

/** TRUSTED_PROXIES ("127.0.0.1, 10.0.0.0/8, fd00::/8") as a list to check addresses against. */
export function parseTrustedProxies(value: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (value ?? "").split(",").map((part) => part.trim()).filter(Boolean)) {
    const [address, bits] = entry.split("/");
    const ip = normalise(address ?? "");
    if (!ip) throw new Error(`not an IP address or CIDR range: ${entry}`);
    const type = isIP(ip) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(ip, type);
    else {
      const prefix = Number(bits);
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > (type === "ipv6" ? 128 : 32)) throw new Error(`not a CIDR range: ${entry}`);
      list.addSubnet(ip, prefix, type);
    }
  }
  return list;
}

function isTrusted(trusted: BlockList, address: string): boolean {
  return trusted.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/** Whether the peer the server saw is a trusted proxy, whose X-Forwarded-* headers may be believed. */
export function peerIsTrusted(headers: Pick<Headers, "get">, trusted: BlockList): boolean {
  const peer = normalise(headers.get(PEER_HEADER) ?? "");
  return peer !== undefined && isTrusted(trusted, peer);
}

/** The client's address, or undefined when the server did not say who its peer was. */
export function clientAddress(headers: Headers, trusted: BlockList): string | undefined {
  const peer = normalise(headers.get(PEER_HEADER) ?? "");
  if (!peer || !isTrusted(trusted, peer)) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((part) => normalise(part));
  let client = peer;
  for (const hop of forwarded.reverse()) {
    // A malformed entry: nothing left of it can be believed.
    if (!hop) break;
    client = hop;
    if (!isTrusted(trusted, hop)) break;
  }
  return client;
}
