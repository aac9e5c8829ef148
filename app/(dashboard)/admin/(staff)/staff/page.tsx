import type { Metadata } from "next";
import Link from "next/link";
import { AdminRefusal, loadForAdmin } from "@/components/dashboard/staff/admin-refusal";
import { CreateStaffForm } from "@/components/dashboard/staff/create-staff-form";
import { formatNewsroomTime } from "@/lib/time/newsroom-time";
import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { getDashboardMessages } from "@/lib/i18n/dashboard-locale";
import { listStaff } from "@/lib/staff/list-staff";
import { createStaffAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getDashboardMessages();
  return { title: m.staff.staff.title };
}

export default async function StaffPage() {
  const user = await requireUser();
  const { locale, m } = await getDashboardMessages();
  const loaded = await loadForAdmin(() => listStaff({ db: getDb(), actor: user }));
  if (!loaded.ok) return <AdminRefusal error={loaded.error} m={m} locale={locale} />;
  const t = m.staff.staff;
  const roles = (Object.keys(m.roles) as (keyof typeof m.roles)[]).map((role) => ({ value: role, label: m.roles[role] }));
  return (
    <main>
      <h1 className="text-2xl font-bold">{t.title}</h1>
      {loaded.data.length === 0 ? (
        <p className="mt-4">{t.empty}</p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm">
            <caption className="sr-only">{t.caption}</caption>
            <thead>
              <tr className="border-b border-neutral-300 text-left">
                <th scope="col" className="p-2">{t.name}</th>
                <th scope="col" className="p-2">{t.email}</th>
                <th scope="col" className="p-2">{t.role}</th>
                <th scope="col" className="p-2">{t.status}</th>
                <th scope="col" className="p-2">{t.byline}</th>
                <th scope="col" className="p-2">{t.lastSignIn}</th>
                <th scope="col" className="p-2">{t.actions}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.data.map((account) => (
                <tr key={account.id} className={`border-b border-neutral-200 ${account.disabled ? "text-neutral-600" : ""}`}>
                  <th scope="row" className="p-2 text-left font-medium">{account.name}</th>
                  <td className="p-2">{account.email}</td>
                  <td className="p-2">{m.roles[account.role]}</td>
                  <td className="p-2">{account.disabled ? t.disabled : t.active}</td>
                  <td className="p-2">{account.person?.name ?? "—"}</td>
                  <td className="p-2 tabular-nums">{account.lastSignInAt ? formatNewsroomTime(account.lastSignInAt) : t.never}</td>
                  <td className="p-2">
                    <Link href={`/admin/staff/${account.id}`} aria-label={t.manageLabel(account.name)} className="text-brand underline">
                      {t.manage}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CreateStaffForm
        action={createStaffAction}
        roles={roles}
        labels={{
          heading: t.create.heading,
          name: t.name,
          email: t.email,
          role: t.role,
          password: t.create.password,
          passwordHint: t.create.passwordHint,
          submit: t.create.submit,
          saving: m.staff.form.saving,
          generatedPassword: t.generatedPassword,
        }}
      />
    </main>
  );
}
