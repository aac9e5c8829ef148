import { randomUUID } from "node:crypto";
import pg from "pg";

// Every app instance caches reader pages and queries in its own folder. When
// one of them (or the import command, or a timer) changes what readers see,
// the others hear of it through PostgreSQL: the tags go out with
// pg_notify on one channel, and each instance listens on it and expires them
// in its own cache. Nothing to configure: the database is what they share.

export const REVALIDATION_CHANNEL = "newsroom_reader_cache";

/** This process, so it can skip what it has already done itself. */
export const INSTANCE_ID = randomUUID();

/** pg_notify payloads stop at 8000 bytes: tags go out in batches well under that. */
const TAGS_PER_NOTICE = 60;

export interface RevalidationNotice {
  /** The instance that already expired these tags itself, or null when none has. */
  origin: string | null;
  tags: string[];
}

/** Something that runs one SQL statement: a Prisma client or a pg client. */
interface Notifier {
  $executeRaw?: (query: TemplateStringsArray, ...values: unknown[]) => Promise<unknown>;
  query?: (text: string, values: unknown[]) => Promise<unknown>;
}

/** Tells every listening instance to expire `tags`. */
export async function announceRevalidations(db: Notifier, tags: readonly string[], origin: string | null): Promise<void> {
  const unique = [...new Set(tags)];
  for (let start = 0; start < unique.length; start += TAGS_PER_NOTICE) {
    const payload = JSON.stringify({ origin, tags: unique.slice(start, start + TAGS_PER_NOTICE) } satisfies RevalidationNotice);
    if (db.$executeRaw) await db.$executeRaw`SELECT pg_notify(${REVALIDATION_CHANNEL}, ${payload})`;
    else await db.query!("SELECT pg_notify($1, $2)", [REVALIDATION_CHANNEL, payload]);
  }
}

function parseNotice(payload: string | undefined): RevalidationNotice | null {
  try {
    const value = JSON.parse(payload ?? "") as Partial<RevalidationNotice>;
    if (!Array.isArray(value.tags) || !value.tags.every((tag) => typeof tag === "string")) return null;
    return { origin: typeof value.origin === "string" ? value.origin : null, tags: value.tags };
  } catch {
    return null;
  }
}

/**
 * Listens for revalidations on its own connection, for as long as the
 * process runs: a lost connection (PostgreSQL restarted, the network
 * dropped) is opened again, after 1 s and then up to every 30 s, and, since
 * notices sent meanwhile are lost, `onReconnect` is told so it can expire what
 * it may have missed.
 */
export function listenForRevalidations(options: {
  connectionString: string;
  onNotice: (notice: RevalidationNotice) => void;
  onReconnect?: () => void;
  log?: (line: string) => void;
}): { stop: () => Promise<void> } {
  let client: pg.Client | undefined;
  let stopped = false;
  let delay = 1000;
  let connectedBefore = false;
  let timer: NodeJS.Timeout | undefined;

  const retry = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, delay);
    timer.unref();
    delay = Math.min(delay * 2, 30_000);
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString: options.connectionString, keepAlive: true });
    client = next;
    next.on("error", (error) => {
      options.log?.(`Reader cache channel lost (${error.message}); listening again shortly.`);
      void next.end().catch(() => {});
      retry();
    });
    next.on("end", retry);
    next.on("notification", (message) => {
      const notice = message.channel === REVALIDATION_CHANNEL ? parseNotice(message.payload) : null;
      if (notice) options.onNotice(notice);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${REVALIDATION_CHANNEL}`);
      delay = 1000;
      if (connectedBefore) options.onReconnect?.();
      connectedBefore = true;
    } catch (error) {
      options.log?.(`Reader cache channel unavailable (${error instanceof Error ? error.message : String(error)}); retrying.`);
      void next.end().catch(() => {});
      retry();
    }
  };

  void connect();
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await client?.end().catch(() => {});
    },
  };
}
