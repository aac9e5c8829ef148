import type { BylineRole } from "@/lib/db/generated/enums";
import { bylineRoleFromLabel, bylineRoleLabels } from "./byline";

/** One byline read from a printed page: free-form (no person), printed as `display`. */
export interface PrintedByline {
  name: string;
  role: BylineRole;
  organisation: string | null;
  display: string;
}

const ROLE = Object.values(bylineRoleLabels).join("|");
/** "□江门日报记者/何榕", "通讯员/江宣", "本报记者" (names in the next words), "记者何榕、李雪". */
const CHUNK = new RegExp(`^(?<organisation>.*?)(?<role>${ROLE})[/:：]?(?<names>.*)$`, "u");
const NAME = /^[\p{L}·•]{1,20}$/u;

/**
 * The bylines of a printed byline line, as the paper prints them
 * ("□江门日报记者/何榕 通讯员/江宣": two). Names after a role word are its
 * people until the next role word ("本报记者 何榕 李雪"). Null when the line is
 * not only bylines ("文/图 …", a dateline): the caller keeps it as text instead.
 */
export function parsePrintedByline(line: string): PrintedByline[] | null {
  const chunks = line
    .normalize("NFKC")
    .split(/(?=□)|\s+/u)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== "" && chunk !== "□");
  const bylines: PrintedByline[] = [];
  let current: { role: BylineRole; organisation: string | null; box: string; names: number } | null = null;
  for (const raw of chunks) {
    const box = raw.startsWith("□") ? "□" : "";
    const chunk = raw.slice(box.length);
    const match = CHUNK.exec(chunk);
    let names = chunk;
    if (match?.groups) {
      const organisation = match.groups.organisation!;
      // A role word with nobody after it ("记者 通讯员/江宣"), or text before it that is no organisation ("文/图 记者").
      if (current?.names === 0 || organisation.includes("/")) return null;
      current = { role: bylineRoleFromLabel(match.groups.role!)!, organisation: organisation || null, box, names: 0 };
      names = match.groups.names!;
    } else if (!current) {
      return null;
    }
    for (const name of names.split(/[、，,]/u).filter(Boolean)) {
      if (!NAME.test(name)) return null;
      const { role, organisation } = current;
      bylines.push({ name, role, organisation, display: `${current.box}${organisation ?? ""}${bylineRoleLabels[role]}/${name}` });
      current.names += 1;
    }
  }
  return current && current.names > 0 ? bylines : null;
}
