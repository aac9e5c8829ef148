// Prisma's schema engine compiled to WASM, driven through the pg driver adapter.
// It is the same engine `prisma migrate deploy` uses, without the native binary
// that cannot be downloaded offline (see docs/ARCHITECTURE.md, "Migrations").
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";

const WASM_FILE = "schema_engine_bg.wasm";
let wasmReady: Promise<void> | undefined;

/** Instantiates the WASM module once per process. */
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const bytes = await readFile(locateWasm());
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  })();
  return wasmReady;
}

/**
 * The .wasm file beside the package's JS. Looked up from the working directory
 * first: in the standalone server the package is bundled, and the file is
 * copied next to it by outputFileTracingIncludes (next.config.js).
 */
function locateWasm(): string {
  const fromCwd = path.join(process.cwd(), "node_modules", "@prisma", "schema-engine-wasm", WASM_FILE);
  if (existsSync(fromCwd)) return fromCwd;
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), WASM_FILE);
}

/**
 * The pg adapter runs a script by splitting it on every ";" and sending the
 * pieces one by one: that breaks function bodies and string literals, and a
 * failure leaves the statements before it applied. Sent as one simple query,
 * PostgreSQL runs the whole migration as a single transaction instead.
 */
function wholeScriptInOneTransaction<T extends { executeScript(script: string): Promise<void> }>(adapter: T): T {
  const internals = adapter as unknown as {
    client: { query(sql: string): Promise<unknown> };
    onError(error: unknown): never;
  };
  adapter.executeScript = async (script: string) => {
    try {
      await internals.client.query(script);
    } catch (error) {
      internals.onError(error);
    }
  };
  return adapter;
}

export type EngineLog = (line: string) => void;

export interface SchemaEngineHandle {
  engine: bg.SchemaEngine;
  /** Frees the engine and closes its connections (which may hold Prisma's migration lock). */
  close(): Promise<void>;
}

/**
 * Opens a schema engine on the database at `connectionString`. `schema` is the
 * Prisma schema text (only needed for diffs). Always `close()` the handle.
 */
export async function openSchemaEngine(options: {
  connectionString: string;
  schema?: { path: string; content: string };
  onLog?: EngineLog;
}): Promise<SchemaEngineHandle> {
  await loadWasm();
  const factory = new PrismaPg({ connectionString: options.connectionString });
  const opened: { dispose(): Promise<void> }[] = [];
  const track = <T extends { dispose(): Promise<void>; executeScript(script: string): Promise<void> }>(adapter: T): T => {
    opened.push(adapter);
    return wholeScriptInOneTransaction(adapter);
  };
  const tracking: typeof factory = Object.assign(Object.create(factory) as typeof factory, {
    connect: async () => track(await factory.connect()),
    connectToShadowDb: async () => track(await factory.connectToShadowDb()),
  });
  const datamodels: [string, string][] = options.schema
    ? [[options.schema.path, options.schema.content]]
    : [["schema.prisma", 'datasource db {\n  provider = "postgresql"\n}\n']];
  const log = options.onLog ?? (() => {});
  const engine = await bg.SchemaEngine.new({ datamodels }, log, bindMigrationAwareSqlAdapterFactory(tracking));
  return {
    engine,
    close: async () => {
      engine.free();
      await Promise.all(opened.map((adapter) => adapter.dispose().catch(() => {})));
    },
  };
}
