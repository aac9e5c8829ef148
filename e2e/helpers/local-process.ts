import type { ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import { createServer } from "node:net";

// What the specs that start servers of their own (a second app instance, nginx) share.

/** A port nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Waits until `baseURL` answers /api/health, or fails with `whyStopped()` if
 * the process ends first; returns how to stop it (with `signal`) and remove
 * its folder.
 */
export async function untilHealthy(options: { child: ChildProcess; baseURL: string; folder: string; signal: NodeJS.Signals; whyStopped: () => Promise<string> }): Promise<{ baseURL: string; stop: () => Promise<void> }> {
  const { child, baseURL, folder, signal } = options;
  for (let tries = 0; tries < 240; tries += 1) {
    if (await fetch(`${baseURL}/api/health`).then((response) => response.ok, () => false)) break;
    if (child.exitCode !== null) throw new Error(await options.whyStopped());
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    baseURL,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill(signal);
        await new Promise((resolve) => child.once("exit", resolve));
      }
      await rm(folder, { recursive: true, force: true });
    },
  };
}
