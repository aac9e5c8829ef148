import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/dashboard/sign-in-form";
import { getCurrentUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "登录" };

/** Only same-site dashboard paths are followed after sign-in. */
function safeCallback(value: string | string[] | undefined): string {
  const url = Array.isArray(value) ? value[0] : value;
  return url && url.startsWith("/admin") && !url.startsWith("//") ? url : "/admin";
}

export default async function SignInPage({ searchParams }: PageProps<"/admin/sign-in">) {
  const callbackUrl = safeCallback((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <main className="mx-auto mt-24 max-w-sm rounded-lg border border-neutral-200 bg-white p-8 shadow-sm">
      <h1 className="text-xl font-bold">采编后台登录</h1>
      <SignInForm callbackUrl={callbackUrl} />
    </main>
  );
}
