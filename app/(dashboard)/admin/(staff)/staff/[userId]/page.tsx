import type { Metadata } from "next";
import Link from "next/link";
import { AdminRefusal, loadForAdmin } from "@/components/dashboard/staff/admin-refusal";
import { AccountAccessForm, ChangeRoleForm, ResetPasswordForm } from "@/components/dashboard/staff/staff-account-forms";
import { formatNewsroomTime } from "@/lib/time/newsroom-time";
import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { getDashboardMessages } from "@/lib/i18n/dashboard-locale";
import { getStaffAccount } from "@/lib/staff/list-staff";
import { changeRoleAction, resetPasswordAction, setDisabledAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getDashboardMessages();
  return { title: m.staff.staff.title };
}

export default async function StaffAccountPage({ params }: { params: Promise<{ userId: string }> }) {
  const user = await requireUser();
  const { locale, m } = await getDashboardMessages();
  const { userId } = await params;
  const loaded = await loadForAdmin(() => getStaffAccount({ db: getDb(), actor: user, userId }));
  if (!loaded.ok) return <AdminRefusal error={loaded.error} m={m} locale={locale} />;
  const account = loaded.data;
  const t = m.staff.staff;
  const roles = (Object.keys(m.roles) as (keyof typeof m.roles)[]).map((role) => ({ value: role, label: m.roles[role] }));
  return (
    <main>
      <p>
        <Link href="/admin/staff" className="text-brand underline">
          {t.detail.back}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{account.name}</h1>
      <dl aria-label={t.detail.summary} className="mt-3 grid max-w-xl grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-neutral-700">{t.email}</dt>
        <dd>{account.email}</dd>
        <dt className="text-neutral-700">{t.role}</dt>
        <dd>{m.roles[account.role]}</dd>
        <dt className="text-neutral-700">{t.status}</dt>
        <dd>{account.disabled ? t.disabled : t.active}</dd>
        <dt className="text-neutral-700">{t.lastSignIn}</dt>
        <dd className="tabular-nums">{account.lastSignInAt ? formatNewsroomTime(account.lastSignInAt) : t.never}</dd>
        <dt className="text-neutral-700">{t.detail.createdAt}</dt>
        <dd className="tabular-nums">{formatNewsroomTime(account.createdAt)}</dd>
      </dl>
      <div className="mt-6 grid max-w-xl gap-4">
        <ChangeRoleForm
          action={changeRoleAction}
          userId={account.id}
          currentRole={account.role}
          roles={roles}
          labels={{ heading: t.detail.roleHeading, hint: t.detail.roleHint, role: t.detail.newRole, submit: t.detail.changeRole, saving: m.staff.form.saving }}
        />
        <ResetPasswordForm
          action={resetPasswordAction}
          userId={account.id}
          labels={{
            heading: t.detail.resetHeading,
            hint: t.detail.resetHint,
            password: t.detail.newPassword,
            submit: t.detail.reset,
            saving: m.staff.form.saving,
            generatedPassword: t.generatedPassword,
          }}
        />
        <AccountAccessForm
          action={setDisabledAction}
          userId={account.id}
          disabled={account.disabled}
          labels={{
            heading: t.detail.accessHeading,
            hint: account.disabled ? t.detail.enableHint : t.detail.disableHint,
            submit: account.disabled ? t.detail.enable : t.detail.disable,
            saving: m.staff.form.saving,
          }}
        />
      </div>
    </main>
  );
}
