import { expect, test } from "@playwright/test";
import { demoEditor, demoPhotographer, demoReporter } from "../helpers/accounts";
import { attemptSignIn, e2eQuery, timedSignIn } from "../helpers/security";
import { startSecondInstance } from "../helpers/second-instance";

// Brute force against sign-in, as an attacker would try it. The instance the
// tests run against trusts no proxy (the default), so a client cannot choose
// its address with X-Forwarded-For. A second instance on the same database
// trusts 127.0.0.1 as its proxy, so requests can come "from" a stranger's and
// the owner's addresses. Runs last: the waits it leaves slow every sign-in.

const SIGN_IN = { accountAtAddressFree: 5, accountFree: 10, accountMaxDelaySeconds: 5 * 60 };

test.describe.configure({ mode: "serial" });

/**
 * The most attempts the growing delays let through in `seconds`: the free ones,
 * then one after 1 s, the next 2 s later, then 4 s… (2^m − 1 seconds for m more).
 */
function allowedWithin(free: number, seconds: number): number {
  return free + Math.floor(Math.log2(seconds + 1)) + 1;
}

test("rotated X-Forwarded-For headers do not buy more attempts: the address is the peer's", async ({ request }) => {
  const account = { email: "rotated@attack.test", password: "wrong-password" };
  const results: string[] = [];
  const started = performance.now();
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const forged = `198.18.${attempt}.${(attempt * 7) % 250}`;
    results.push(await attemptSignIn(request, account, { "X-Forwarded-For": forged, "X-Real-IP": forged }));
  }
  const seconds = (performance.now() - started) / 1000;
  const checked = results.filter((result) => result === "wrong").length;
  const limit = allowedWithin(SIGN_IN.accountAtAddressFree, seconds);
  console.log(`rotated X-Forwarded-For: 60 attempts from 60 forged addresses in ${seconds.toFixed(1)} s, ${checked} checked (the delays allow ${limit}), ${results.filter((result) => result === "rate-limited").length} told to wait`);
  expect(checked).toBeLessThanOrEqual(limit);
});

test("60 concurrent wrong passwords are checked no more often than the limit, and the right password in their midst waits too", async ({ playwright, baseURL }) => {
  const contexts = await Promise.all(Array.from({ length: 61 }, () => playwright.request.newContext({ baseURL })));
  const started = performance.now();
  const attempts = contexts.map((context, index) => attemptSignIn(context, index === 30 ? demoReporter : { email: demoReporter.email, password: `wrong-${index}` }));
  const results = await Promise.all(attempts);
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(contexts.map((context) => context.dispose()));
  const wrong = results.filter((result, index) => index !== 30 && result === "wrong").length;
  const limit = allowedWithin(SIGN_IN.accountAtAddressFree, seconds);
  console.log(`concurrent: 60 wrong passwords at once (${seconds.toFixed(1)} s), ${wrong} checked (the delays allow ${limit}); the right one among them: ${results[30]}`);
  // The right password counts as one of the checks if it was; never more than the delays allow, however parallel.
  expect(wrong + (results[30] === "signed-in" ? 1 : 0)).toBeLessThanOrEqual(limit);
});

test("a stranger cannot lock a named editor out: the owner waits at most the ceiling, then signs in; unknown and known accounts take as long", async ({ playwright }) => {
  test.setTimeout(120_000);
  const behindProxy = await startSecondInstance({ env: { TRUSTED_PROXIES: "127.0.0.1" } });
  try {
    const from = async (address: string) => playwright.request.newContext({ baseURL: behindProxy.baseURL, extraHTTPHeaders: { "X-Forwarded-For": address } });

    // Timing: a wrong password for a known and for an unknown account, alternately, each from its own address (no waits).
    // The quickest of ten is compared (the least disturbed by anything else on the machine).
    const timed = async (email: string, index: number) => {
      const context = await from(`192.0.2.${100 + index}`);
      const { answer, ms } = await timedSignIn(context, { email, password: "not-the-password" });
      expect(answer).toBe("wrong");
      await context.dispose();
      return ms;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let index = 0; index < 10; index += 1) {
      known.push(await timed(demoEditor.email, index * 2));
      unknown.push(await timed(`nobody-${index}@attack.test`, index * 2 + 1));
    }
    const ratio = Math.min(...known) / Math.min(...unknown);
    console.log(`timing: a wrong password takes ${Math.min(...known).toFixed(0)} ms for a known account, ${Math.min(...unknown).toFixed(0)} ms for an unknown one (quickest of 10; ratio ${ratio.toFixed(2)})`);
    // Without the decoy hash an unknown account would skip argon2 and answer several times faster;
    // the bounds leave room for a busy machine's noise, not for that.
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);

    // A stranger hammers the photographer's account from one address: only that address waits.
    const hammer = async (addressOf: (attempt: number) => string) => {
      const results: string[] = [];
      const started = performance.now();
      for (let attempt = 0; attempt < 60; attempt += 1) {
        const stranger = await from(addressOf(attempt));
        results.push(await attemptSignIn(stranger, { email: demoPhotographer.email, password: `guess-${attempt}` }));
        await stranger.dispose();
      }
      return { checked: results.filter((result) => result === "wrong").length, seconds: (performance.now() - started) / 1000 };
    };
    const single = await hammer(() => "203.0.113.9");
    const owner = await from("198.51.100.7");
    expect(await attemptSignIn(owner, demoPhotographer)).toBe("signed-in");
    console.log(`named account, one stranger: 60 attempts in ${single.seconds.toFixed(1)} s, ${single.checked} checked; the owner at another address signs in at once`);
    expect(single.checked).toBeLessThanOrEqual(allowedWithin(SIGN_IN.accountAtAddressFree, single.seconds));

    // Sixty strangers (a botnet) slow the account itself down: the owner is told to wait (calmly), never beyond the ceiling.
    const botnet = await hammer((attempt) => `203.0.113.${10 + attempt}`);
    expect(await attemptSignIn(owner, demoPhotographer)).toBe("rate-limited");
    const [held] = await e2eQuery<{ wait: number }>("SELECT EXTRACT(EPOCH FROM next_allowed_at - now())::float AS wait FROM sign_in_throttles WHERE key = $1", [`account:${demoPhotographer.email}`]);
    console.log(`named account, 60 strangers: ${botnet.checked} checked in ${botnet.seconds.toFixed(1)} s; the owner then waits ${Math.round(held!.wait)} s (ceiling ${SIGN_IN.accountMaxDelaySeconds} s)`);
    expect(botnet.checked).toBeLessThanOrEqual(allowedWithin(SIGN_IN.accountFree, botnet.seconds));
    expect(held!.wait).toBeLessThanOrEqual(SIGN_IN.accountMaxDelaySeconds);
    // Once that wait is over (moved forward here rather than slept through), the owner signs in.
    await e2eQuery("UPDATE sign_in_throttles SET next_allowed_at = now() WHERE key = $1", [`account:${demoPhotographer.email}`]);
    expect(await attemptSignIn(owner, demoPhotographer)).toBe("signed-in");
    await owner.dispose();
  } finally {
    await behindProxy.stop();
  }
});
