import Link from "next/link";
import { LanguageSwitch } from "@/components/dashboard/language-switch";
import { SignOutButton } from "@/components/dashboard/sign-out-button";
import { requireUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { getDashboardMessages } from "@/lib/i18n/dashboard-locale";

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const { locale, m } = await getDashboardMessages();
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
