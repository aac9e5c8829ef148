// What `npm start`'s own processes cost beside the server and PostgreSQL
// (#12: no more than 50 MB). Runs `npm start` on a throw-away data folder with
// the demo, waits until it is healthy and idle, then reads every process of
// its tree from /proc/<pid>/smaps_rollup:
//   - RSS counts every page a process maps, including Node's own code that
//     npm and the server share (counted in both);
//   - PSS divides shared pages among the processes that map them;
//   - USS (private pages) is what the machine frees when the process ends:
//     the memory the process adds. The target is measured on it.
// The server and PostgreSQL are the baseline, measured in the same run.
//   npm run bench:start [-- --idle 10]
import { spawn } from "node:child_process";
import { chmod, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { findFreePort } from "../lib/db/embedded-postgres";
import { ensureBuild } from "../scripts/lib/build";
import { waitUntilHealthy } from "../scripts/lib/local-services";
import { fromRoot } from "../scripts/lib/project";

const TARGET_MB = 50;
const { values } = parseArgs({ options: { idle: { type: "string", default: "10" } } });

interface Usage {
  pid: number;
  command: string;
  rss: number;
  pss: number;
  uss: number;
}

await ensureBuild({ distDir: ".next", log: console.log });
const parent = await mkdtemp(path.join(tmpdir(), "newsroom-bench-start-"));
await chmod(parent, 0o755);
const dataDir = path.join(parent, "data");
const port = await findFreePort();
const npm = spawn("npm", ["start"], {
  cwd: fromRoot(),
  stdio: ["ignore", "ignore", "inherit"],
  env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: "", SEED_DEMO: "1", S3_BUCKET: "" },
});
const npmExited = new Promise((resolve) => npm.once("exit", resolve));

try {
  if (!(await waitUntilHealthy(port))) throw new Error("npm start did not become healthy");
  // The first start renders the reader files and loads the demo; let it settle.
  await fetch(`http://127.0.0.1:${port}/2023-03-13/A05`);
  await new Promise((resolve) => setTimeout(resolve, Number(values.idle) * 1000));

  const postmaster = Number((await readFile(path.join(dataDir, "postgres", "postmaster.pid"), "utf8")).split("\n")[0]);
  const chain: Usage[] = [];
  let server: Usage | undefined;
  for (const pid of await treeOf(npm.pid!)) {
    const usage = await usageOf(pid);
    if (/start\.mjs|newsroom-server/.test(usage.command)) server = usage;
    else chain.push(usage);
  }
  if (!server) throw new Error("No server process under npm start");
  const database = await Promise.all((await treeOf(postmaster)).map(usageOf));

  const mb = (kb: number) => (kb / 1024).toFixed(1);
  const sum = (list: Usage[], key: "rss" | "pss" | "uss") => list.reduce((total, usage) => total + usage[key], 0);
  console.log(`\nnode ${process.version}, ${new Date().toISOString()}, idle ${values.idle} s after the first page view\n`);
  console.log("| process | RSS MB | PSS MB | USS MB |");
  console.log("|---|---|---|---|");
  for (const usage of chain) console.log(`| ${usage.command} (npm start's chain) | ${mb(usage.rss)} | ${mb(usage.pss)} | ${mb(usage.uss)} |`);
  console.log(`| **chain in all** | **${mb(sum(chain, "rss"))}** | **${mb(sum(chain, "pss"))}** | **${mb(sum(chain, "uss"))}** |`);
  console.log(`| the server (${server.command}) | ${mb(server.rss)} | ${mb(server.pss)} | ${mb(server.uss)} |`);
  console.log(`| PostgreSQL (${database.length} processes) | ${mb(sum(database, "rss"))} | ${mb(sum(database, "pss"))} | ${mb(sum(database, "uss"))} |`);
  const added = sum(chain, "uss") / 1024;
  const baseline = (server.uss + sum(database, "uss")) / 1024;
  console.log(`\nnpm start adds ${added.toFixed(1)} MB (USS) over the server and PostgreSQL (${baseline.toFixed(0)} MB): ${((added / baseline) * 100).toFixed(1)} %; target ≤ ${TARGET_MB} MB: ${added <= TARGET_MB ? "met" : "NOT met"}.`);
} finally {
  npm.kill("SIGTERM");
  await npmExited;
  await rm(parent, { recursive: true, force: true });
}

async function treeOf(root: number): Promise<number[]> {
  const parents = new Map<number, number[]>();
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    // The parent pid is the second field after the command's closing parenthesis.
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  const visit = (pid: number) => {
    tree.push(pid);
    for (const child of parents.get(pid) ?? []) visit(child);
  };
  visit(root);
  return tree;
}

async function usageOf(pid: number): Promise<Usage> {
  const rollup = await readFile(`/proc/${pid}/smaps_rollup`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(rollup)?.[1] ?? 0);
  const command = (await readFile(`/proc/${pid}/cmdline`, "utf8")).split("\0").filter(Boolean).join(" ").replace(/^\S*\//, "").slice(0, 60);
  return { pid, command, rss: kb("Rss"), pss: kb("Pss"), uss: kb("Private_Clean") + kb("Private_Dirty") };
}
