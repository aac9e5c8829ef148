import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StoryEditor } from "@/components/dashboard/stories/story-editor";
import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { getDashboardMessages } from "@/lib/i18n/dashboard-locale";
import { loadStoryEditor } from "@/lib/stories/load-story-editor";
import { isId } from "@/lib/validation/id";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getDashboardMessages();
  return { title: m.stories.title };
}

/** Loads the story for this user; a story they may not open shows why, and nothing of it. */
async function load(id: string) {
  const user = await requireUser();
  if (!isId(id)) notFound();
  try {
    return { story: await loadStoryEditor({ db: getDb(), actor: user, storyId: id }) };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError) return { error };
    throw error;
  }
}

export default async function StoryPage({ params }: PageProps<"/admin/stories/[id]">) {
  const { id } = await params;
  const { locale, m } = await getDashboardMessages();
  const loaded = await load(id);
  return (
    <main>
      <nav aria-label={m.stories.title} className="mb-4 flex gap-4 text-sm">
        <Link href="/admin/stories">← {m.stories.editor.back}</Link>
        {loaded.story && <Link href={`/admin/stories/${id}/history`}>{m.stories.editor.history}</Link>}
      </nav>
      <h1 className="sr-only">{loaded.story?.content.headline || m.stories.title}</h1>
      {loaded.error ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-4 text-red-900">
          {loaded.error.messageFor(locale)}
        </p>
      ) : (
        // A new status or mode starts a fresh editor with the stored story.
        <StoryEditor key={`${loaded.story.status}:${loaded.story.mode}`} story={loaded.story} locale={locale} />
      )}
    </main>
  );
}
