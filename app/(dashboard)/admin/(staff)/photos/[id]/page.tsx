import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PhotoDeleteForm } from "@/components/dashboard/photos/photo-delete-form";
import { PhotoEditForm } from "@/components/dashboard/photos/photo-edit-form";
import { requireUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { getDashboardMessages } from "@/lib/i18n/dashboard-locale";
import { getPhoto } from "@/lib/media/photos/get-photo";
import { canEditPhoto } from "@/lib/media/photos/photo-permissions";
import { formatPhotoDate } from "../format-photo-date";
import { deletePhotoAction, updatePhotoAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getDashboardMessages();
  return { title: m.photos.edit.title };
}

async function findPhoto(id: string) {
  if (!z.uuid().safeParse(id).success) notFound();
  try {
    return await getPhoto({ db: getDb(), photoId: id });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function PhotoPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { locale, m } = await getDashboardMessages();
  const t = m.photos;
  const photo = await findPhoto((await params).id);
  const facts: [string, string | null][] = [
    [t.facts.takenAt, photo.takenAt ? formatPhotoDate(photo.takenAt, locale, true) : null],
    [t.facts.camera, photo.camera],
    [t.facts.dimensions, `${photo.width} × ${photo.height}`],
    [t.facts.fileSize, `${(photo.byteSize / 1024 / 1024).toFixed(1)} MB`],
    [t.facts.fileName, photo.originalName],
    [t.facts.uploader, photo.uploaderName],
    [t.facts.uploadedAt, formatPhotoDate(photo.createdAt, locale, true)],
  ];

  return (
    <main className="space-y-6">
      <p>
        <Link href="/admin/photos" className="text-sm underline">
          {t.edit.back}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t.edit.title}</h1>
      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <PhotoEditForm photo={photo} canEdit={canEditPhoto(user, photo.uploaderId)} action={updatePhotoAction} labels={t.edit} />
        <div className="space-y-6">
          <section aria-labelledby="photo-facts-heading">
            <h2 id="photo-facts-heading" className="text-lg font-bold">
              {t.facts.heading}
            </h2>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              {facts.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-neutral-700">{label}</dt>
                  <dd className="break-all">{value ?? t.facts.unknown}</dd>
                </div>
              ))}
            </dl>
          </section>
          <section aria-labelledby="photo-usage-heading">
            <h2 id="photo-usage-heading" className="text-lg font-bold">
              {t.usage.heading}
            </h2>
            {photo.stories.length === 0 ? (
              <p className="mt-2 text-sm">{t.usage.none}</p>
            ) : (
              <ul className="mt-2 list-disc pl-5 text-sm">
                {photo.stories.map((story) => (
                  <li key={story.id}>
                    <Link href={`/admin/stories/${story.id}`} className="underline">
                      {story.headline}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {can(user.role, "photo.delete") && (
            <section aria-labelledby="photo-delete-heading">
              <h2 id="photo-delete-heading" className="text-lg font-bold">
                {t.remove.heading}
              </h2>
              <PhotoDeleteForm photoId={photo.id} action={deletePhotoAction} labels={t.remove} />
            </section>
          )}
        </div>
      </div>
    </main>
  );
}
