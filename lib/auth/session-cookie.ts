// The staff session cookie's name, shared by next-auth (auth-options.ts) and
// the dashboard's proxy (proxy.ts), which must find the same cookie. Over
// https it is `__Host-`: Secure, sent to this host only, for every path.
export function sessionCookie(publicUrl: string | undefined): { name: string; secure: boolean } {
  const secure = publicUrl?.startsWith("https://") ?? false;
  return { name: secure ? "__Host-newsroom.session" : "newsroom.session", secure };
}
