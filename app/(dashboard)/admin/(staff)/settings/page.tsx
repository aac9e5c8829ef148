import type { Metadata } from "next";
import { AdminRefusal, loadForAdmin } from "@/components/dashboard/staff/admin-refusal";
import { PublicationSettingsForm } from "@/components/dashboard/staff/publication-settings-form";
import { RenderAllProgress } from "@/components/dashboard/staff/render-all-progress";
import { readRenderAllProgress } from "@/lib/reader-files/site-routes";
import { getStorage } from "@/lib/storage/get-storage";
import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { getDashboardMessages } from "@/lib/i18n/dashboard-locale";
import { listPublicationSettings } from "@/lib/publications/publication-settings";
import { updatePublicationSettingsAction } from "./actions";
import { newsroomDateTimeFormat } from "@/lib/time/newsroom-time";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getDashboardMessages();
  return { title: m.staff.settings.title };
}

export default async function PublicationSettingsPage() {
  const user = await requireUser();
  const { locale, m } = await getDashboardMessages();
  const loaded = await loadForAdmin(() => listPublicationSettings({ db: getDb(), actor: user }));
  if (!loaded.ok) return <AdminRefusal error={loaded.error} m={m} locale={locale} />;
  const t = m.staff.settings;
  const progress = await readRenderAllProgress(getStorage());
  const at = progress?.finishedAt && newsroomDateTimeFormat(locale, { dateStyle: "short", timeStyle: "medium" }).format(new Date(progress.finishedAt));
  return (
    <main>
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p className="mt-2 max-w-3xl text-sm text-neutral-700">{t.intro}</p>
      {progress && (
        <RenderAllProgress
          running={!progress.finishedAt}
          done={progress.done}
          total={progress.total}
          failed={Boolean(progress.failed)}
          label={t.progressLabel}
          text={progress.failed ? t.renderFailed(progress.failed) : at ? t.rendered(at) : t.rendering(progress.done, progress.total)}
        />
      )}
      {loaded.data.length === 0 && <p className="mt-4">{t.none}</p>}
      {loaded.data.map((publication) => (
        <PublicationSettingsForm
          key={publication.id}
          action={updatePublicationSettingsAction}
          publication={publication}
          labels={{ heading: t.heading(publication.name), fields: t.fields, emptyHint: t.emptyHint, submit: t.save, saving: m.staff.form.saving }}
        />
      ))}
    </main>
  );
}
