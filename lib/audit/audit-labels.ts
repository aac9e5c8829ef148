// Turning audit rows into words. The labels themselves are in the dashboard
// dictionary (m.staff.audit.actions); an action nobody labelled yet shows as
// recorded ("story.foo"), so new actions never disappear from the viewer.

export function auditActionLabel(labels: Readonly<Record<string, string>>, action: string): string {
  return Object.hasOwn(labels, action) ? labels[action]! : action;
}

const SUMMARY_MAX_LENGTH = 200;

/**
 * A one-line summary of an entry's data: "role: REPORTER · email: a@b.c";
 * a change as "REPORTER → EDITOR", field changes as "name: 旧 → 新". Long values are cut, never the whole JSON.
 */
export function summariseAuditData(data: unknown): string {
  if (data === null || data === undefined) return "";
  if (typeof data !== "object" || Array.isArray(data)) return cut(show(data));
  const parts: string[] = [];
  // PostgreSQL's jsonb does not keep key order ("to" comes back before "from"): a change reads as from → to.
  const { from, to, ...rest } = data as Record<string, unknown>;
  if (from !== undefined && to !== undefined) parts.push(`${show(from)} → ${show(to)}`);
  else Object.assign(rest, from !== undefined ? { from } : {}, to !== undefined ? { to } : {});
  for (const [key, value] of Object.entries(rest)) {
    if (key === "changes" && value && typeof value === "object" && !Array.isArray(value)) {
      for (const [field, change] of Object.entries(value)) {
        parts.push(isChange(change) ? `${field}: ${show(change.from)} → ${show(change.to)}` : `${field}: ${show(change)}`);
      }
    } else {
      parts.push(`${key}: ${show(value)}`);
    }
  }
  return cut(parts.join(" · "));
}

function isChange(value: unknown): value is { from: unknown; to: unknown } {
  return typeof value === "object" && value !== null && "from" in value && "to" in value;
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

function cut(text: string): string {
  return text.length > SUMMARY_MAX_LENGTH ? `${text.slice(0, SUMMARY_MAX_LENGTH - 1)}…` : text;
}
