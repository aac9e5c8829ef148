"use client";

import { useCallback, useEffect, useId, useState } from "react";
import { fillTemplate, photoMessages } from "@/lib/i18n/messages/photos";
import type { PhotoSummary } from "@/lib/media/photos/photo-summary";
import type { PickedPhoto } from "@/lib/media/photos/photo-summary";
import { PhotoUploader } from "./photo-uploader";

type Load = { state: "loading" } | { state: "error" } | { state: "done"; photos: PhotoSummary[]; total: number };

/**
 * Search the library (GET /api/photos?q=) or upload right here, then pick a
 * photo for a story. Embedded by the story editor, which decides what picking does.
 */
export function PhotoPicker(props: { onPick: (photo: PickedPhoto) => void; locale: "zh-CN" | "en" }) {
  const t = photoMessages[props.locale].picker;
  const id = useId();
  const [query, setQuery] = useState("");
  const [load, setLoad] = useState<Load>({ state: "loading" });

  const search = useCallback(async (q: string) => {
    setLoad({ state: "loading" });
    try {
      const response = await fetch(`/api/photos?${new URLSearchParams({ q })}`, { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(String(response.status));
      const body = (await response.json()) as { photos: PhotoSummary[]; total: number };
      setLoad({ state: "done", photos: body.photos, total: body.total });
    } catch {
      setLoad({ state: "error" });
    }
  }, []);

  useEffect(() => {
    // The first page of the library, newest first, when the picker opens.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void search("");
  }, [search]);

  const uploaded = (photo: PhotoSummary) =>
    setLoad((current) => (current.state === "done" ? { ...current, photos: [photo, ...current.photos.filter((p) => p.id !== photo.id)] } : { state: "done", photos: [photo], total: 1 }));

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-4">
      <h2 id={`${id}-heading`} className="text-lg font-bold">
        {t.heading}
      </h2>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          void search(query);
        }}
        className="flex flex-wrap items-end gap-2"
      >
        <label className="flex flex-col text-sm">
          {t.search}
          <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} className="mt-1 w-64 rounded border border-neutral-300 px-2 py-1" />
        </label>
        <button type="submit" className="rounded bg-brand px-3 py-1 text-sm text-white hover:bg-brand-dark">
          {t.submit}
        </button>
      </form>
      <p role="status" className="text-sm">
        {load.state === "loading" ? t.loading : load.state === "error" ? t.error : load.photos.length === 0 ? t.empty : fillTemplate(t.found, { count: load.total })}
      </p>
      {load.state === "done" && load.photos.length > 0 && (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
          {load.photos.map((photo) => (
            <li key={photo.id}>
              <button
                type="button"
                onClick={() => props.onPick(pickedPhoto(photo))}
                aria-label={fillTemplate(t.pickNamed, { caption: photo.caption ?? photo.altText ?? photo.credit ?? photo.id })}
                className="block w-full rounded border border-neutral-300 bg-white p-1 text-left hover:border-brand"
              >
                <img src={photo.src} srcSet={photo.srcSet || undefined} sizes="12rem" alt="" width={photo.width} height={photo.height} className="aspect-[4/3] w-full object-cover" />
                <span className="mt-1 line-clamp-2 block text-xs">{photo.caption}</span>
                <span className="block text-xs text-neutral-700">{photo.credit}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <PhotoUploader locale={props.locale} onUploaded={uploaded} />
    </section>
  );
}

/** Only what the story editor needs, whatever else the API returned. */
function pickedPhoto(photo: PhotoSummary): PickedPhoto {
  const { id, src, srcSet, width, height, caption, credit, altText } = photo;
  return { id, src, srcSet, width, height, caption, credit, altText };
}
