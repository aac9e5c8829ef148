import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { DiffView } from "@/components/dashboard/stories/diff-view";
import { RestoreButton } from "@/components/dashboard/stories/restore-button";
import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { getDashboardMessages } from "@/lib/i18n/dashboard-locale";
import { loadStoryEditor } from "@/lib/stories/load-story-editor";
import { getRevisionContent, listRevisions } from "@/lib/stories/revisions";
import { diffStoryContents } from "@/lib/stories/story-diff";
import { isId } from "@/lib/validation/id";
import { newsroomDateTimeFormat } from "@/lib/time/newsroom-time";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getDashboardMessages();
  return { title: m.stories.history.title };
}

const compareSchema = z.object({
  from: z.coerce.number().int().min(1).optional().catch(undefined),
  to: z.coerce.number().int().min(1).optional().catch(undefined),
});

async function load(storyId: string) {
  const user = await requireUser();
  if (!isId(storyId)) notFound();
  const db = getDb();
  try {
    const [story, revisions] = await Promise.all([loadStoryEditor({ db, actor: user, storyId }), listRevisions({ db, actor: user, storyId })]);
    return { user, db, story, revisions };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError) return { error };
    throw error;
  }
}

export default async function StoryHistoryPage({ params, searchParams }: PageProps<"/admin/stories/[id]/history">) {
  const { id } = await params;
  const { locale, m } = await getDashboardMessages();
  const t = m.stories.history;
  const loaded = await load(id);
  if (loaded.error) {
    return (
      <main>
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-4 text-red-900">
          {loaded.error.messageFor(locale)}
        </p>
      </main>
    );
  }
  const { user, db, story, revisions } = loaded;
  const back = (
    <nav aria-label={m.stories.title} className="mb-4 flex gap-4 text-sm">
      <Link href={`/admin/stories/${id}`}>← {story.content.headline || m.stories.untitled}</Link>
    </nav>
  );
  if (revisions.length === 0) {
    return (
      <main>
        {back}
        <h1 className="text-2xl font-bold">{t.title}</h1>
        <p className="mt-4">{t.none}</p>
      </main>
    );
  }
  const versions = revisions.map((revision) => revision.version);
  const requested = compareSchema.parse(await searchParams);
  // By default: the latest version against the last one saved by someone else (e.g. the reporter's).
  const latest = revisions[0]!;
  const defaultFrom = revisions.find((revision) => revision.createdBy?.id !== latest.createdBy?.id)?.version ?? revisions[1]?.version ?? latest.version;
  const from = requested.from && versions.includes(requested.from) ? requested.from : defaultFrom;
  const to = requested.to && versions.includes(requested.to) ? requested.to : latest.version;
  const [before, after] = await Promise.all([from, to].map((version) => getRevisionContent({ db, actor: user, storyId: id, version })));
  const dateFormat = newsroomDateTimeFormat(locale, { dateStyle: "short", timeStyle: "medium" });
  const canRestore = story.mode === "edit";
  const label = (version: number) => `${t.versionLabel(version)}${version === latest.version ? `（${t.current}）` : ""}`;

  return (
    <main>
      {back}
      <h1 className="text-2xl font-bold">{t.title}</h1>

      <section aria-labelledby="compare-heading" className="mt-4">
        <h2 id="compare-heading" className="text-lg font-semibold">
          {t.compare}
        </h2>
        <form method="get" className="mt-2 flex flex-wrap items-end gap-3">
          <label className="text-sm">
            {t.from}
            <select name="from" defaultValue={from} className="mt-1 block rounded border border-neutral-300 px-2 py-1">
              {versions.map((version) => (
                <option key={version} value={version}>
                  {label(version)}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            {t.to}
            <select name="to" defaultValue={to} className="mt-1 block rounded border border-neutral-300 px-2 py-1">
              {versions.map((version) => (
                <option key={version} value={version}>
                  {label(version)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded bg-neutral-900 px-3 py-1 text-white">
            {t.show}
          </button>
        </form>
        <p className="mt-3 text-sm text-neutral-700">
          {label(from)} → {label(to)}
        </p>
        <div className="mt-2">
          <DiffView diff={diffStoryContents(before!, after!)} m={m.stories} />
        </div>
      </section>

      <section aria-labelledby="versions-heading" className="mt-8">
        <h2 id="versions-heading" className="text-lg font-semibold">
          {t.caption}
        </h2>
        <table className="mt-2 w-full border-collapse bg-white text-sm">
          <caption className="sr-only">{t.caption}</caption>
          <thead>
            <tr className="border-b border-neutral-300 text-left">
              <th scope="col" className="p-2">{t.version}</th>
              <th scope="col" className="p-2">{t.by}</th>
              <th scope="col" className="p-2">{t.at}</th>
              <th scope="col" className="p-2">{t.note}</th>
              <th scope="col" className="p-2">
                <span className="sr-only">{t.restore(0).replace(/\d+/, "")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((revision) => (
              <tr key={revision.id} className="border-b border-neutral-200">
                <th scope="row" className="p-2 text-left font-normal">
                  {label(revision.version)}
                </th>
                <td className="p-2">
                  {revision.createdBy?.name}
                  {revision.createdBy && <span className="text-neutral-600">（{m.roles[revision.createdBy.role]}）</span>}
                </td>
                <td className="p-2 tabular-nums">{dateFormat.format(revision.createdAt)}</td>
                <td className="p-2">{revision.note}</td>
                <td className="p-2">
                  {canRestore && revision.version !== latest.version && (
                    <RestoreButton storyId={id} version={revision.version} baseVersion={story.version} label={t.restore(revision.version)} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}
