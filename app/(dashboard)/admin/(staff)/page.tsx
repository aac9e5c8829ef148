import type { Metadata } from "next";
import { countArticlesByStatus } from "@/lib/articles/count-articles-by-status";
import { requireUser } from "@/lib/auth/current-user";
import { getDashboardMessages } from "@/lib/i18n/dashboard-locale";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getDashboardMessages();
  return { title: m.home.title };
}

export default async function DashboardHome() {
  const user = await requireUser();
  const { m } = await getDashboardMessages();
  const ownOnly = user.role === "REPORTER" || user.role === "PHOTOGRAPHER";
  const counts = await countArticlesByStatus({ userId: user.id, ownOnly });
  const heading = ownOnly ? m.home.myStories : m.home.queue;
  return (
    <main>
      <h1 className="text-2xl font-bold">{m.home.title}</h1>
      <p className="mt-2 text-neutral-700">{m.home.welcome(user.name)}</p>
      <section aria-labelledby="queue-heading" className="mt-6">
        <h2 id="queue-heading" className="text-lg font-semibold">
          {heading}
        </h2>
        <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {counts.map(({ status, count }) => (
            <div key={status} className="rounded border border-neutral-200 bg-white p-4">
              <dt className="text-sm text-neutral-600">{m.articleStatus[status]}</dt>
              <dd className="mt-1 text-2xl font-semibold tabular-nums">{count}</dd>
            </div>
          ))}
        </dl>
      </section>
    </main>
  );
}
