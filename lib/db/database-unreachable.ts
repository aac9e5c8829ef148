// PostgreSQL stopped, restarting, frozen or out of reach: what Prisma (P1001 "Can't
// reach database server", P1017 "Server has closed the connection", P2010 for
// raw queries with the same message) and pg (ECONNREFUSED, 57P01 admin
// shutdown, 57P03 starting up) say then. The pool reconnects by itself when
// the database is back: pages catch this, say so, and work again without a restart.

const CODES = new Set(["P1001", "P1002", "P1017", "ECONNREFUSED", "ECONNRESET", "57P01", "57P03"]);
// pg's own limits (lib/db/client.ts): "Query read timeout", "timeout exceeded when trying to connect".
const MESSAGES = /Can't reach database server|Server has closed the connection|Connection terminated|ECONNREFUSED|the database system is (starting up|shutting down)|Query read timeout|timeout exceeded when trying to connect/;

export function isDatabaseUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (typeof code === "string" && CODES.has(code)) || MESSAGES.test(error.message);
}
