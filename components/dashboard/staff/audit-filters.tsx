import Link from "next/link";
import { auditActionLabel } from "@/lib/audit/audit-labels";
import type { AuditLogFilters } from "@/lib/audit/list-audit-log";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";

/** The audit log's filters: a plain GET form, so filtered views are links that work without JavaScript. */
export function AuditFilters({ m, filters, actors }: { m: DashboardMessages; filters: AuditLogFilters; actors: readonly { id: string; name: string; email: string }[] }) {
  const t = m.staff.audit;
  const actions = Object.keys(t.actions);
  // An action typed into the URL that has no label yet stays selectable (shown raw).
  if (filters.action && !actions.includes(filters.action)) actions.push(filters.action);
  const control = "mt-1 block rounded border border-neutral-400 bg-white px-2 py-1.5 text-sm";
  return (
    <form method="get" action="/admin/audit" role="search" aria-label={t.filters} className="mt-4 flex flex-wrap items-end gap-3 rounded border border-neutral-200 bg-white p-3">
      <div>
        <label htmlFor="audit-action" className="block text-sm font-medium">
          {t.action}
        </label>
        <select id="audit-action" name="action" defaultValue={filters.action ?? ""} className={control}>
          <option value="">{t.anyAction}</option>
          {actions.map((action) => (
            <option key={action} value={action}>
              {auditActionLabel(t.actions, action)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="audit-actor" className="block text-sm font-medium">
          {t.actor}
        </label>
        <select id="audit-actor" name="actor" defaultValue={filters.actorId ?? ""} className={control}>
          <option value="">{t.anyActor}</option>
          {actors.map((actor) => (
            <option key={actor.id} value={actor.id}>
              {actor.name}（{actor.email}）
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="audit-from" className="block text-sm font-medium">
          {t.from}
        </label>
        <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} className={control} />
      </div>
      <div>
        <label htmlFor="audit-to" className="block text-sm font-medium">
          {t.to}
        </label>
        <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} className={control} />
      </div>
      <button type="submit" className="rounded bg-brand px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-dark">
        {t.apply}
      </button>
      <Link href="/admin/audit" className="py-1.5 text-sm text-brand underline">
        {t.clear}
      </Link>
    </form>
  );
}
