import type { Metadata } from "next";
import Link from "next/link";
import { NewStoryButton } from "@/components/dashboard/stories/new-story-button";
import { requireUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { countStoriesByStatus } from "@/lib/stories/count-stories-by-status";
import { listStories } from "@/lib/stories/list-stories";
import { getDashboardMessages } from "@/lib/i18n/dashboard-locale";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getDashboardMessages();
  return { title: m.home.title };
}

export default async function DashboardHome() {
  const user = await requireUser();
  const { m } = await getDashboardMessages();
  const ownOnly = !can(user.role, "story.editAny");
  const counts = await countStoriesByStatus({ db: getDb(), actor: user });
  const heading = ownOnly ? m.home.myStories : m.home.queue;
  const recent = ownOnly ? (await listStories({ db: getDb(), actor: user, filters: {} })).stories.slice(0, 10) : [];
  return (
    <main>
      <h1 className="text-2xl font-bold">{m.home.title}</h1>
      <p className="mt-2 text-neutral-700">{m.home.welcome(user.name)}</p>
      {can(user.role, "story.create") && (
        <div className="mt-4">
          <NewStoryButton label={m.stories.newStory} />
        </div>
      )}
      <section aria-labelledby="queue-heading" className="mt-6">
        <h2 id="queue-heading" className="text-lg font-semibold">
          {heading}
        </h2>
        <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {counts.map(({ status, count }) => (
            <div key={status} className="rounded border border-neutral-200 bg-white p-4">
              <dt className="text-sm text-neutral-600">
                <Link href={`/admin/stories?status=${status}`}>{m.articleStatus[status]}</Link>
              </dt>
              <dd className="mt-1 text-2xl font-semibold tabular-nums">{count}</dd>
            </div>
          ))}
        </dl>
        {recent.length > 0 && (
          <ul className="mt-4 divide-y divide-neutral-200 rounded border border-neutral-200 bg-white">
            {recent.map((story) => (
              <li key={story.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <Link href={`/admin/stories/${story.id}`}>{story.headline || m.stories.untitled}</Link>
                <span className="text-sm text-neutral-700">{m.articleStatus[story.status]}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
