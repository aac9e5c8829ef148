import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { editionDate } from "@/lib/time/edition-date";
import { preflightEdition } from "@/lib/editions/preflight";
import { getDashboardMessages } from "@/lib/i18n/dashboard-locale";
import { findDefaultPublication } from "@/lib/publications/default-publication";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getDashboardMessages();
  return { title: m.editions.preflight };
}

/** 发布前检查: everything that would stop this edition, each with a link to fix it. */
export default async function PreflightPage({ params }: PageProps<"/admin/editions/[date]/preflight">) {
  const user = await requireUser();
  const { locale, m } = await getDashboardMessages();
  const { date } = await params;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !can(user.role, "edition.plan")) notFound();
  const db = getDb();
  const publication = await findDefaultPublication(db);
  const edition = publication && (await db.edition.findUnique({ where: { publicationId_date: { publicationId: publication.id, date: editionDate(date) } }, select: { id: true } }));
  if (!edition) notFound();
  const problems = await preflightEdition({ db, editionId: edition.id });
  return (
    <main>
      <nav aria-label={m.editions.title} className="mb-4 text-sm">
        <Link href="/admin/editions">← {m.editions.title}</Link>
      </nav>
      <h1 className="text-2xl font-bold">
        {m.editions.preflight} {date}
      </h1>
      {problems.length === 0 ? (
        <p role="status" className="mt-4 rounded border border-green-300 bg-green-50 p-3 text-green-900">
          {locale === "en" ? "All checks passed: this edition can be published." : "检查全部通过，可以发布。"}
        </p>
      ) : (
        <>
          <p role="status" className="mt-4 text-red-800">
            {m.editions.preflightFailed(problems.length)}
          </p>
          <ul className="mt-3 list-disc space-y-1 pl-5">
            {problems.map((problem, index) => (
              <li key={index}>
                <Link href={problem.href}>{problem[locale]}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}
