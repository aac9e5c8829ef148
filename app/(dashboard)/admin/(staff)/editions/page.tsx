import type { Metadata } from "next";
import Link from "next/link";
import { EditionActions } from "@/components/dashboard/edition-actions";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/current-user";
import { listEditions } from "@/lib/editions/list-editions";
import { getDashboardMessages } from "@/lib/i18n/dashboard-locale";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getDashboardMessages();
  return { title: m.editions.title };
}

export default async function EditionsPage() {
  const user = await requireUser();
  const { locale, m } = await getDashboardMessages();
  const editions = await listEditions({ limit: 60 });
  const t = m.editions;
  return (
    <main>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t.title}</h1>
        {can(user.role, "edition.plan") && (
          <div className="flex flex-wrap gap-2">
            <Link href="/admin/editions/import" className="rounded border border-brand px-3 py-1 text-brand hover:bg-red-50">
              {m.editionImport.link}
            </Link>
            <Link href="/admin/editions/new" className="rounded bg-brand px-3 py-1 text-white hover:bg-brand-dark">
              {m.editionsPlan.list.newEdition}
            </Link>
          </div>
        )}
      </div>
      <table className="mt-4 w-full border-collapse bg-white text-sm">
        <caption className="sr-only">{t.caption}</caption>
        <thead>
          <tr className="border-b border-neutral-300 text-left">
            <th scope="col" className="p-2">{t.date}</th>
            <th scope="col" className="p-2">{t.issue}</th>
            <th scope="col" className="p-2">{t.pages}</th>
            <th scope="col" className="p-2">{t.status}</th>
            <th scope="col" className="p-2">{t.actions}</th>
          </tr>
        </thead>
        <tbody>
          {editions.map((edition) => (
            <tr key={edition.id} className="border-b border-neutral-200">
              <td className="p-2">
                <Link href={`/admin/editions/${edition.date}`} className="text-brand underline" aria-label={m.editionsPlan.list.openPlan(edition.date)}>
                  {edition.date}
                </Link>
              </td>
              <td className="p-2">{edition.issueNumber ?? "—"}</td>
              <td className="p-2">{edition._count.pages}</td>
              <td className="p-2">{m.editionStatus[edition.status]}</td>
              <td className="p-2">
                <EditionActions
                  editionId={edition.id}
                  date={edition.date}
                  status={edition.status}
                  scheduledAt={edition.scheduledAt?.toISOString() ?? null}
                  scheduleError={edition.scheduleError}
                  canPublish={can(user.role, "edition.publish") && edition.status !== "PUBLISHED"}
                  canWithdraw={can(user.role, "edition.withdraw") && edition.status === "PUBLISHED"}
                  locale={locale}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
