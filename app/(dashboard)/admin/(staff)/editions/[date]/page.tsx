import type { Metadata } from "next";
import Link from "next/link";
import { FlatPlan } from "@/components/dashboard/editions/flat-plan";
import { PagePublishing } from "@/components/dashboard/editions/page-publishing";
import { PlanRefusal } from "@/components/dashboard/editions/plan-refusal";
import { loadForAdmin } from "@/components/dashboard/staff/admin-refusal";
import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { formatEditionDateZh } from "@/lib/time/edition-date";
import { loadFlatPlan } from "@/lib/editions/plan/load-flat-plan";
import { getDashboardMessages } from "@/lib/i18n/dashboard-locale";

export async function generateMetadata({ params }: { params: Promise<{ date: string }> }): Promise<Metadata> {
  const { m } = await getDashboardMessages();
  return { title: m.editionsPlan.plan.title((await params).date) };
}

/** 版面规划: the pages of one edition as tiles with their stories, and the stories still to place. */
export default async function FlatPlanPage({ params }: { params: Promise<{ date: string }> }) {
  const { date } = await params;
  const user = await requireUser();
  const { locale, m } = await getDashboardMessages();
  const loaded = await loadForAdmin(() => loadFlatPlan({ db: getDb(), actor: user, date }));
  if (!loaded.ok) return <PlanRefusal error={loaded.error} locale={locale} />;
  const plan = loaded.data;
  const t = m.editionsPlan.plan;
  return (
    <main>
      <p>
        <Link href="/admin/editions" className="text-sm text-brand underline">
          {t.back}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t.title(plan.edition.date)}</h1>
      <p className="mt-1 flex flex-wrap gap-x-4 text-sm text-neutral-700">
        <span>{plan.edition.publicationName}</span>
        {locale === "zh-CN" && <span>{formatEditionDateZh(new Date(`${plan.edition.date}T00:00:00Z`))}</span>}
        <span>{plan.edition.issueNumber ? t.issue(plan.edition.issueNumber) : t.noIssue}</span>
        <span>
          {t.status}：{m.editionStatus[plan.edition.status]}
        </span>
        <span>{t.pageCount(plan.pages.length)}</span>
      </p>
      <FlatPlan plan={plan} locale={locale} />
      {(plan.edition.status === "PUBLISHED" || plan.pages.some((page) => page.status === "WITHDRAWN")) && (
        <PagePublishing pages={plan.pages} editionPublished={plan.edition.status === "PUBLISHED"} locale={locale} />
      )}
    </main>
  );
}
