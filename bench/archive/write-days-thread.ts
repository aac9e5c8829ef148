import { parentPort, workerData } from "node:worker_threads";
import { writeDays, type DaysJob } from "./write-days";

// Worker thread entry of the archive generator: one share of the days.
await writeDays(workerData as DaysJob, (articles) => parentPort!.postMessage({ articles }));
