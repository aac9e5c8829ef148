import type { Metadata } from "next";
import Link from "next/link";
import { PhotoUploader } from "@/components/dashboard/photos/photo-uploader";
import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { getDashboardMessages } from "@/lib/i18n/dashboard-locale";
import { fillTemplate } from "@/lib/i18n/messages/photos";
import { listPhotos } from "@/lib/media/photos/list-photos";
import { photoSearchSchema } from "@/lib/media/photos/photo-schema";
import { formatPhotoDate } from "./format-photo-date";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getDashboardMessages();
  return { title: m.photos.title };
}

export default async function PhotosPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser();
  const { locale, m } = await getDashboardMessages();
  const t = m.photos;
  const params = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  // A malformed query (a hand-edited URL) shows the whole library rather than an error.
  const parsed = photoSearchSchema.safeParse({ q: first(params.q), from: first(params.from), to: first(params.to), page: first(params.page) });
  const search = parsed.success ? parsed.data : photoSearchSchema.parse({});
  const list = await listPhotos({ db: getDb(), search });
  const pageLink = (page: number) => `/admin/photos?${new URLSearchParams({ q: search.q, from: search.from ?? "", to: search.to ?? "", page: String(page) })}`;
  const field = "mt-1 rounded border border-neutral-300 px-2 py-1";

  return (
    <main className="space-y-6">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      {first(params.deleted) === "1" && (
        <p role="status" className="rounded bg-green-50 px-3 py-2 text-sm text-green-900">
          {t.remove.deleted}
        </p>
      )}
      <PhotoUploader locale={locale} refresh />

      <section aria-labelledby="photo-search-heading">
        <h2 id="photo-search-heading" className="text-lg font-bold">
          {t.search.heading}
        </h2>
        <form role="search" action="/admin/photos" className="mt-2 flex flex-wrap items-end gap-3">
          <label className="flex flex-col text-sm">
            {t.search.q}
            <input type="search" name="q" defaultValue={search.q} className={`${field} w-72`} />
          </label>
          <label className="flex flex-col text-sm">
            {t.search.from}
            <input type="date" name="from" defaultValue={search.from ?? ""} aria-describedby="photo-date-hint" className={field} />
          </label>
          <label className="flex flex-col text-sm">
            {t.search.to}
            <input type="date" name="to" defaultValue={search.to ?? ""} aria-describedby="photo-date-hint" className={field} />
          </label>
          <button type="submit" className="rounded bg-brand px-4 py-1.5 text-white hover:bg-brand-dark">
            {t.search.submit}
          </button>
          <Link href="/admin/photos" className="py-1.5 text-sm underline">
            {t.search.reset}
          </Link>
        </form>
        <p id="photo-date-hint" className="mt-1 text-sm text-neutral-700">
          {t.search.dateHint}
        </p>
      </section>

      <section aria-labelledby="photo-results-heading">
        <h2 id="photo-results-heading" className="text-lg font-bold">
          {t.results.heading}
          <span className="ml-2 text-sm font-normal text-neutral-700">{fillTemplate(t.results.count, { count: list.total })}</span>
        </h2>
        {list.photos.length === 0 ? (
          <p className="mt-2">{t.results.empty}</p>
        ) : (
          <ul className="mt-3 grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
            {list.photos.map((photo) => (
              <li key={photo.id} className="rounded border border-neutral-300 bg-white p-2">
                <figure>
                  <img src={photo.src} srcSet={photo.srcSet || undefined} sizes="(min-width: 1024px) 16rem, 50vw" alt={photo.altText ?? ""} width={photo.width} height={photo.height} loading="lazy" className="aspect-[4/3] w-full bg-neutral-100 object-cover" />
                  <figcaption className="mt-2 space-y-1 text-sm">
                    <span className="line-clamp-3 block">{photo.caption ?? t.results.noCaption}</span>
                    {photo.credit && <span className="block text-neutral-700">{photo.credit}</span>}
                    <span className="block text-xs text-neutral-700">
                      {photo.takenAt ? `${t.results.taken} ${formatPhotoDate(photo.takenAt, locale)}` : `${t.results.uploaded} ${formatPhotoDate(photo.createdAt, locale)}`}
                    </span>
                  </figcaption>
                </figure>
                <Link href={`/admin/photos/${photo.id}`} className="mt-1 inline-block text-sm text-brand underline">
                  {t.results.edit}
                  <span className="sr-only">：{photo.caption ?? photo.id}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        {list.pageCount > 1 && (
          <nav aria-label={t.results.pages} className="mt-4 flex items-center gap-4 text-sm">
            {list.page > 1 && <Link href={pageLink(list.page - 1)}>{t.results.previous}</Link>}
            <span>{fillTemplate(t.results.page, { page: list.page, pages: list.pageCount })}</span>
            {list.page < list.pageCount && <Link href={pageLink(list.page + 1)}>{t.results.next}</Link>}
          </nav>
        )}
      </section>
    </main>
  );
}
