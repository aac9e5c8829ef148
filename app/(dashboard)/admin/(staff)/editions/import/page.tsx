import type { Metadata } from "next";
import Link from "next/link";
import { EditionImporter } from "@/components/dashboard/editions/edition-importer";
import { PlanRefusal } from "@/components/dashboard/editions/plan-refusal";
import { requireUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import { getDashboardMessages } from "@/lib/i18n/dashboard-locale";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getDashboardMessages();
  return { title: m.editionImport.title };
}

/** 导入整期: the same import as `npm run import`, from a folder chosen in the browser. */
export default async function ImportEditionPage() {
  const user = await requireUser();
  const { locale, m } = await getDashboardMessages();
  // The page only offers the form; the upload route checks the permission again (and audits a refusal).
  if (!can(user.role, "edition.plan")) return <PlanRefusal error={new AppError("FORBIDDEN")} locale={locale} />;
  const t = m.editionImport;
  return (
    <main>
      <p>
        <Link href="/admin/editions" className="text-sm text-brand underline">
          {t.back}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t.title}</h1>
      <p className="mt-2 max-w-3xl text-neutral-800">{t.intro}</p>
      <EditionImporter locale={locale} canPublish={can(user.role, "edition.publish")} />
    </main>
  );
}
