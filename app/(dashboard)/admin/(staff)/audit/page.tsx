import type { Metadata } from "next";
import Link from "next/link";
import { AdminRefusal, loadForAdmin } from "@/components/dashboard/staff/admin-refusal";
import { AuditFilters } from "@/components/dashboard/staff/audit-filters";
import { AuditTable } from "@/components/dashboard/staff/audit-table";
import { listAuditActors, listAuditLog, type AuditLogFilters } from "@/lib/audit/list-audit-log";
import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { getDashboardMessages } from "@/lib/i18n/dashboard-locale";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getDashboardMessages();
  return { title: m.staff.audit.title };
}

type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a query parameter, trimmed; absent or empty is none. */
function param(params: SearchParams, name: string): string | undefined {
  const value = params[name];
  const first = (Array.isArray(value) ? value[0] : value)?.trim();
  return first ? first.slice(0, 200) : undefined;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const { locale, m } = await getDashboardMessages();
  const db = getDb();
  // The actor list is checked first: someone who may not see the log gets the refusal (audited), never the filters.
  const actors = await loadForAdmin(() => listAuditActors({ db, actor: user }));
  if (!actors.ok) return <AdminRefusal error={actors.error} m={m} locale={locale} />;

  const params = await searchParams;
  const filters: AuditLogFilters = { action: param(params, "action"), actorId: param(params, "actor"), from: param(params, "from"), to: param(params, "to") };
  const log = await loadForAdmin(() => listAuditLog({ db, actor: user, filters, after: param(params, "after"), before: param(params, "before") }));
  const t = m.staff.audit;

  const query = (extra: Record<string, string | undefined>) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries({ action: filters.action, actor: filters.actorId, from: filters.from, to: filters.to, ...extra })) {
      if (value) search.set(key, value);
    }
    const text = search.toString();
    return text ? `/admin/audit?${text}` : "/admin/audit";
  };

  return (
    <main>
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <AuditFilters m={m} filters={filters} actors={actors.data} />
      {!log.ok ? (
        <p role="alert" className="mt-4 max-w-xl rounded border border-red-200 bg-red-50 p-4 text-red-900">
          {t.invalidFilters} {log.error.messageFor(locale)}
        </p>
      ) : (
        <>
          <AuditTable m={m} entries={log.data.entries} />
          <nav aria-label={t.paging} className="mt-4 flex gap-4 text-sm">
            {log.data.newerCursor && (
              <>
                <Link href={query({})} className="text-brand underline">
                  {t.newest}
                </Link>
                <Link href={query({ before: log.data.newerCursor })} className="text-brand underline">
                  {t.newer}
                </Link>
              </>
            )}
            {log.data.olderCursor && (
              <Link href={query({ after: log.data.olderCursor })} className="text-brand underline">
                {t.older}
              </Link>
            )}
          </nav>
        </>
      )}
    </main>
  );
}
