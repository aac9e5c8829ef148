import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LanguageSwitch } from "@/components/dashboard/language-switch";
import { SignInForm } from "@/components/dashboard/sign-in-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getDashboardMessages } from "@/lib/i18n/dashboard-locale";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getDashboardMessages();
  return { title: m.signIn.title };
}

/** Only same-site dashboard paths are followed after sign-in. */
function safeCallback(value: string | string[] | undefined): string {
  const url = Array.isArray(value) ? value[0] : value;
  return url && url.startsWith("/admin") && !url.startsWith("//") ? url : "/admin";
}

export default async function SignInPage({ searchParams }: PageProps<"/admin/sign-in">) {
  const callbackUrl = safeCallback((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const { locale, m } = await getDashboardMessages();
  return (
    <main className="mx-auto mt-24 max-w-sm rounded-lg border border-neutral-200 bg-white p-8 shadow-sm">
      <div className="flex items-start justify-between gap-4">
        <h1 className="text-xl font-bold">{m.signIn.heading}</h1>
        <LanguageSwitch locale={locale} next="/admin/sign-in" label={m.nav.language} />
      </div>
      <SignInForm callbackUrl={callbackUrl} labels={m.signIn} />
    </main>
  );
}
