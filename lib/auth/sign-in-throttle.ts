import type { Db } from "@/lib/db/client";

// Growing delays for sign-in, per account, per account at an address and per
// address, instead of a lockout a stranger could trigger (as Ghost and Drupal
// do): a few attempts are free, then each one must wait twice as long as the
// last, up to a ceiling. An attempt is claimed atomically (one row, updated
// only while its delay has passed), so any number of parallel requests gets
// no more checks than one after another would. Attempts are forgotten once
// none came for THROTTLE_WINDOW_MS.

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

interface Rule {
  /** Attempts within the window that need not wait. */
  free: number;
  /** The longest wait between two further attempts. */
  maxDelaySeconds: number;
}

export const SIGN_IN_RULES = {
  /** One person mistyping at one desk. */
  accountAtAddress: { free: 5, maxDelaySeconds: 15 * 60 },
  /** One account tried from anywhere: a stranger can slow its owner down, never lock them out. */
  account: { free: 10, maxDelaySeconds: 5 * 60 },
  /** One address trying many accounts; a successful sign-in gives its attempt back (a newsroom behind one address signs in many times a day). */
  address: { free: 20, maxDelaySeconds: 15 * 60 },
} satisfies Record<string, Rule>;

interface ThrottleKey {
  key: string;
  /** The account a key is about: a password reset clears them. */
  email: string | null;
  rule: Rule;
}

export function signInKeys(email: string, ip: string | undefined): ThrottleKey[] {
  return [
    { key: `account:${email}`, email, rule: SIGN_IN_RULES.account },
    ...(ip
      ? [
          { key: `account-address:${email}|${ip}`, email, rule: SIGN_IN_RULES.accountAtAddress },
          { key: `address:${ip}`, email: null, rule: SIGN_IN_RULES.address },
        ]
      : []),
  ];
}

export type Claim = { allowed: true } | { allowed: false; retryAfterSeconds: number };

class Throttled extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("throttled");
  }
}

/** Claims one attempt on every key, or on none (then says how long to wait). */
export async function claimSignInAttempt(db: Db, keys: ThrottleKey[], now = new Date()): Promise<Claim> {
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  try {
    // Rows are locked one claim at a time; a refusal rolls back the claims before it.
    await db.$transaction(async (tx) => {
      for (const { key, email, rule } of keys) {
        // The attempt's number within the window, then its delay before the next one.
        const claimed = await tx.$queryRaw<{ attempts: number }[]>`
          INSERT INTO sign_in_throttles AS t (key, email, attempts, last_attempt_at, next_allowed_at)
          VALUES (${key}, ${email}, 1, ${now}, ${now})
          ON CONFLICT (key) DO UPDATE SET
            attempts = CASE WHEN t.last_attempt_at < ${windowStart} THEN 1 ELSE t.attempts + 1 END,
            last_attempt_at = ${now},
            next_allowed_at = ${now}::timestamptz + make_interval(secs => CASE
              WHEN (CASE WHEN t.last_attempt_at < ${windowStart} THEN 1 ELSE t.attempts + 1 END) <= ${rule.free} THEN 0
              ELSE LEAST(${rule.maxDelaySeconds}, power(2, LEAST(30, (CASE WHEN t.last_attempt_at < ${windowStart} THEN 1 ELSE t.attempts + 1 END) - ${rule.free} - 1)))
            END)
          WHERE t.next_allowed_at <= ${now} OR t.last_attempt_at < ${windowStart}
          RETURNING attempts`;
        if (claimed.length === 0) {
          const [held] = await tx.$queryRaw<{ next_allowed_at: Date }[]>`SELECT next_allowed_at FROM sign_in_throttles WHERE key = ${key}`;
          throw new Throttled(Math.max(1, Math.ceil(((held?.next_allowed_at.getTime() ?? now.getTime()) - now.getTime()) / 1000)));
        }
      }
    }, { maxWait: 10_000, timeout: 10_000 });
    return { allowed: true };
  } catch (error) {
    if (error instanceof Throttled) return { allowed: false, retryAfterSeconds: error.retryAfterSeconds };
    throw error;
  }
}

/** After a successful sign-in: the account's delays end, the address gets its attempt back, and long-quiet rows go. */
export async function settleSignIn(db: Db, email: string, ip: string | undefined, now = new Date()): Promise<void> {
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  await db.$transaction([
    db.signInThrottle.deleteMany({ where: { OR: [{ email }, { lastAttemptAt: { lt: windowStart }, nextAllowedAt: { lt: now } }] } }),
    ...(ip ? [db.$executeRaw`UPDATE sign_in_throttles SET attempts = GREATEST(attempts - 1, 0) WHERE key = ${`address:${ip}`}`] : []),
  ]);
}
