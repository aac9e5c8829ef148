import { formatNewsroomTime } from "@/lib/time/newsroom-time";
import { auditActionLabel, summariseAuditData } from "@/lib/audit/audit-labels";
import type { AuditLogEntry } from "@/lib/audit/list-audit-log";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";

/** One page of audit entries, newest first. */
export function AuditTable({ m, entries }: { m: DashboardMessages; entries: readonly AuditLogEntry[] }) {
  const t = m.staff.audit;
  if (entries.length === 0) return <p className="mt-4">{t.empty}</p>;
  return (
    <div className="mt-4 overflow-x-auto">
      <table className="w-full border-collapse bg-white text-sm">
        <caption className="sr-only">{t.caption}</caption>
        <thead>
          <tr className="border-b border-neutral-300 text-left">
            <th scope="col" className="p-2">{t.time}</th>
            <th scope="col" className="p-2">{t.actor}</th>
            <th scope="col" className="p-2">{t.action}</th>
            <th scope="col" className="p-2">{t.entity}</th>
            <th scope="col" className="p-2">{t.data}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} className="border-b border-neutral-200 align-top">
              <td className="whitespace-nowrap p-2 tabular-nums">
                <time dateTime={entry.createdAt.toISOString()}>{formatNewsroomTime(entry.createdAt)}</time>
              </td>
              <td className="p-2">{entry.actor ? entry.actor.name : <span className="text-neutral-600">{t.system}</span>}</td>
              <td className="p-2">
                <span title={entry.action}>{auditActionLabel(t.actions, entry.action)}</span>
              </td>
              <td className="p-2">
                {entry.entityType && <span className="text-neutral-600">{t.entityTypes[entry.entityType] ?? entry.entityType} </span>}
                {entry.entityName ?? entry.entityId ?? ""}
              </td>
              <td className="break-all p-2 text-neutral-800">{summariseAuditData(entry.data)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
