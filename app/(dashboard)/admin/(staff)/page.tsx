import type { Metadata } from "next";
import { countArticlesByStatus } from "@/lib/articles/count-articles-by-status";
import { requireUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "工作台" };

export default async function DashboardHome() {
  const user = await requireUser();
  const ownOnly = user.role === "REPORTER" || user.role === "PHOTOGRAPHER";
  const counts = await countArticlesByStatus({ userId: user.id, ownOnly });
  return (
    <main>
      <h1 className="text-2xl font-bold">工作台</h1>
      <p className="mt-2 text-neutral-700">欢迎，{user.name}。</p>
      <section aria-labelledby="queue-heading" className="mt-6">
        <h2 id="queue-heading" className="text-lg font-semibold">
          {ownOnly ? "我的稿件" : "稿件队列"}
        </h2>
        <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {counts.map(({ status, label, count }) => (
            <div key={status} className="rounded border border-neutral-200 bg-white p-4">
              <dt className="text-sm text-neutral-600">{label}</dt>
              <dd className="mt-1 text-2xl font-semibold tabular-nums">{count}</dd>
            </div>
          ))}
        </dl>
      </section>
    </main>
  );
}
