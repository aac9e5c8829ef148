import Link from "next/link";
import { LanguageSwitch } from "@/components/dashboard/language-switch";
import { SignOutButton } from "@/components/dashboard/sign-out-button";
import { requireUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { getDashboardMessages } from "@/lib/i18n/dashboard-locale";
import { isDatabaseUnreachable } from "@/lib/db/database-unreachable";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";

/** PostgreSQL is down: said plainly, with a way to try again (the pool reconnects by itself). */
function DatabaseUnreachable({ m }: { m: DashboardMessages["databaseUnreachable"] }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="text-2xl font-bold">{m.title}</h1>
      <p role="status" className="mt-4 text-neutral-700">
        {m.text}
      </p>
      <p className="mt-8">
        <a href="" className="rounded bg-neutral-900 px-4 py-2 text-white no-underline">
          {m.retry}
        </a>
      </p>
    </main>
  );
}

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser().catch((error: unknown) => {
    if (isDatabaseUnreachable(error)) return null;
    throw error;
  });
  const { locale, m } = await getDashboardMessages();
  if (!user) return <DatabaseUnreachable m={m.databaseUnreachable} />;
  return (
    <>
      <header className="bg-neutral-900 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
          <nav aria-label={m.nav.label} className="flex items-center gap-4">
            <Link href="/admin" className="font-bold">
              {m.appName}
            </Link>
            <Link href="/admin/stories" className="text-sm">
              {m.nav.stories}
            </Link>
            <Link href="/admin/search" className="text-sm">
              {m.nav.search}
            </Link>
            <Link href="/admin/photos" className="text-sm">
              {m.nav.photos}
            </Link>
            {can(user.role, "edition.plan") && (
              <Link href="/admin/editions" className="text-sm">
                {m.nav.editions}
              </Link>
            )}
            {can(user.role, "staff.manage") && (
              <Link href="/admin/staff" className="text-sm">
                {m.nav.staff}
              </Link>
            )}
            {can(user.role, "people.manage") && (
              <Link href="/admin/people" className="text-sm">
                {m.nav.people}
              </Link>
            )}
            {can(user.role, "audit.view") && (
              <Link href="/admin/audit" className="text-sm">
                {m.nav.audit}
              </Link>
            )}
            {can(user.role, "publication.manage") && (
              <Link href="/admin/settings" className="text-sm">
                {m.staff.settings.nav}
              </Link>
            )}
          </nav>
          <div className="flex items-center gap-3 text-sm">
            <LanguageSwitch locale={locale} next="/admin" label={m.nav.language} />
            <span>
              {user.name}（{m.roles[user.role]}）
            </span>
            <SignOutButton label={m.signOut} />
          </div>
        </div>
      </header>
      <div className="mx-auto max-w-6xl px-4 py-6">{children}</div>
    </>
  );
}
