import { isId } from "@/lib/validation/id";

// A position in the audit log, newest first: (createdAt, id). Opaque in URLs.

export interface AuditCursor {
  createdAt: Date;
  id: string;
}

export function encodeAuditCursor(cursor: AuditCursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`).toString("base64url");
}

/** A cursor that cannot be read (edited by hand) is none: the list starts from the newest. */
export function decodeAuditCursor(value: string | undefined): AuditCursor | undefined {
  if (!value) return undefined;
  const [iso, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  if (Number.isNaN(createdAt.getTime()) || !id || !isId(id)) return undefined;
  return { createdAt, id };
}
