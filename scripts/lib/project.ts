import { fileURLToPath } from "node:url";
import path from "node:path";

/** The project's root folder, wherever the command is run from. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export const fromRoot = (...parts: string[]) => path.join(projectRoot, ...parts);
