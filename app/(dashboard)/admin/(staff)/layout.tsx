import Link from "next/link";
import { SignOutButton } from "@/components/dashboard/sign-out-button";
import { requireUser } from "@/lib/auth/current-user";
import { roleLabels } from "@/lib/auth/roles";

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <header className="bg-neutral-900 text-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
          <nav aria-label="后台导航" className="flex items-center gap-4">
            <Link href="/admin" className="font-bold">
              采编后台
            </Link>
            <Link href="/admin/editions" className="text-sm">
              报纸
            </Link>
          </nav>
          <div className="flex items-center gap-3 text-sm">
            <span>
              {user.name}（{roleLabels[user.role]["zh-CN"]}）
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <div className="mx-auto max-w-6xl px-4 py-6">{children}</div>
    </>
  );
}
