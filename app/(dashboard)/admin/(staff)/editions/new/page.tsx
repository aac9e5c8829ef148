import type { Metadata } from "next";
import Link from "next/link";
import { CreateEditionForm } from "@/components/dashboard/editions/create-edition-form";
import { PlanRefusal } from "@/components/dashboard/editions/plan-refusal";
import { loadForAdmin } from "@/components/dashboard/staff/admin-refusal";
import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { loadNewEditionForm } from "@/lib/editions/plan/create-edition";
import { getDashboardMessages } from "@/lib/i18n/dashboard-locale";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getDashboardMessages();
  return { title: m.editionsPlan.create.title };
}

/** 新建一期: an editor starts an edition from the standing page list. */
export default async function NewEditionPage() {
  const user = await requireUser();
  const { locale, m } = await getDashboardMessages();
  const loaded = await loadForAdmin(() => loadNewEditionForm({ db: getDb(), actor: user }));
  if (!loaded.ok) return <PlanRefusal error={loaded.error} locale={locale} />;
  const t = m.editionsPlan.create;
  return (
    <main>
      <p>
        <Link href="/admin/editions" className="text-sm text-brand underline">
          {t.back}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t.title}</h1>
      <CreateEditionForm locale={locale} pageNames={loaded.data.pageNames} suggestedIssueNumber={loaded.data.suggestedIssueNumber} latestDate={loaded.data.latestDate} />
    </main>
  );
}
