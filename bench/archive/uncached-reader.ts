import { register } from "node:module";
import type { Db } from "@/lib/db/client";

// The reader's query functions (lib/reader/find-*.ts) outside a Next.js server:
// `next/cache` is replaced, as in the Vitest setup, by a pass-through, so every
// call reaches the database, which is what a page costs on a cache miss (a
// cached page does not touch the database whatever its size). Import the reader
// modules only after `bypassReaderCache()`.

const stub = "data:text/javascript,export const unstable_cache = (load) => load; export const revalidateTag = () => {};";
const hook = `export async function resolve(specifier, context, next) {
  return specifier === "next/cache" ? { url: ${JSON.stringify(stub)}, shortCircuit: true } : next(specifier, context);
}`;

let registered = false;

export function bypassReaderCache(): void {
  if (registered) return;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
  registered = true;
}

/** Points the process's one client (lib/db/client.ts getDb) at a database. */
export function pointReaderAt(db: Db): void {
  (globalThis as unknown as { db?: Db }).db = db;
}
