import { AppError } from "@/lib/errors/app-error";

// Every row's id is a UUID (v7, made by PostgreSQL). Ids come in from URLs,
// forms and cursors: a malformed one is simply not found, never a database
// error about a value that cannot be a uuid.

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isId(value: string): boolean {
  return ID.test(value);
}

/** The id itself, or NOT_FOUND. */
export function assertId(id: string): string {
  if (!isId(id)) throw new AppError("NOT_FOUND");
  return id;
}
