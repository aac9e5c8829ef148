import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "./helpers/database";

// docs/ARCHITECTURE.md is the true map of the code: every folder and file it
// names exists. A change that moves or renames one fails here until the map
// follows.

const map = readFileSync(path.join(projectRoot, "docs", "ARCHITECTURE.md"), "utf8");
const style = readFileSync(path.join(projectRoot, "docs", "CODE_STYLE.md"), "utf8");
/** The description column of the layout tree. */
const DESCRIPTION_COLUMN = 25;

/** The paths the layout tree names, each joined with the folders above it. */
function layoutPaths(): string[] {
  const block = /## Layout\n\n```\n([\s\S]*?)\n```/.exec(map)?.[1];
  if (!block) throw new Error("docs/ARCHITECTURE.md has no layout tree under ## Layout");
  const parents: string[] = [];
  const paths: string[] = [];
  for (const line of block.split("\n")) {
    const indent = line.length - line.trimStart().length;
    // A description carried over from the line above.
    if (indent >= DESCRIPTION_COLUMN - 1) continue;
    const level = indent / 2;
    // The names end at two spaces (the description's column), or at one when a name fills the column.
    const text = line.slice(indent);
    const first = text.split(" ")[0]!;
    const fillsColumn = indent + first.length >= DESCRIPTION_COLUMN - 2;
    const field = / {2,}/.test(text) ? text.split(/ {2,}/)[0]! : fillsColumn ? first : text;
    const names = field.split(/,? /).map((name) => name.replace(/…$/, "")).filter(Boolean);
    parents.length = level;
    for (const name of names) paths.push(path.join(...parents, name));
    if (names.length === 1 && names[0]!.endsWith("/")) parents[level] = names[0]!;
  }
  return paths;
}

/** Files named in backticks in a text: a path from the root, or a file's own name. */
function namedFiles(text = map): string[] {
  const quoted = [...text.matchAll(/`([^`\s]+)`/g)].map((match) => match[1]!);
  return quoted.filter((name) => /\.(ts|tsx|js|mjs|md|conf|yml|sql|prisma)$/.test(name) && !/[*{]/.test(name));
}

describe("docs/ARCHITECTURE.md", () => {
  const tracked = execFileSync("git", ["ls-files"], { cwd: projectRoot, encoding: "utf8" }).split("\n");

  it("names only folders and files that exist in its layout tree", () => {
    const paths = layoutPaths();
    expect(paths.length).toBeGreaterThan(60);
    expect(paths.filter((name) => !existsSync(path.join(projectRoot, name)))).toEqual([]);
  });

  it("names only files that exist in its text (by path, or by name when the section says where)", () => {
    // What the build and the server make at run time is not in git.
    const madeAtRunTime = /^(\.next|\.data)\//;
    const missing = namedFiles().filter((name) => !madeAtRunTime.test(name) && !tracked.some((file) => file === name || file.endsWith(`/${name}`)));
    expect(missing).toEqual([]);
  });

  it("and docs/CODE_STYLE.md names only files that exist, each convention's example", () => {
    const named = namedFiles(style);
    expect(named.length).toBeGreaterThan(15);
    expect(named.filter((name) => !tracked.includes(name))).toEqual([]);
  });
});
