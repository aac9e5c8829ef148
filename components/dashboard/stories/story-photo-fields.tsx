"use client";

import { useState } from "react";
import { updatePhotoDetailsAction } from "@/app/(dashboard)/admin/(staff)/stories/actions";
import { PhotoPicker } from "@/components/dashboard/photos/photo-picker";
import type { PickedPhoto } from "@/lib/media/photos/photo-summary";
import type { storyMessages } from "@/lib/i18n/messages/stories";
import type { StoryContent } from "@/lib/stories/story-content";
import { move } from "./byline-fields";

type StoryPhoto = StoryContent["photos"][number];
type Messages = (typeof storyMessages)["zh-CN"];
const input = "mt-1 w-full rounded border border-neutral-300 px-2 py-1 disabled:bg-neutral-100";

/** The library's caption, credit and alt text of one photo, saved on their own (they are shared by every story using it). */
function LibraryDetails({ photo, m, disabled }: { photo: PickedPhoto; m: Messages; disabled: boolean }) {
  const [caption, setCaption] = useState(photo.caption ?? "");
  const [credit, setCredit] = useState(photo.credit ?? "");
  const [altText, setAltText] = useState(photo.altText ?? "");
  const [status, setStatus] = useState<{ ok?: boolean; message?: string }>({});
  const [pending, setPending] = useState(false);
  const save = async () => {
    setPending(true);
    setStatus(await updatePhotoDetailsAction({ photoId: photo.id, caption, credit, altText }).catch(() => ({ ok: false, message: m.editor.offline })));
    setPending(false);
  };
  return (
    <div className="grid gap-2 sm:grid-cols-2">
      <label className="text-sm sm:col-span-2">
        {m.photos.libraryCaption}
        <textarea className={input} rows={2} value={caption} disabled={disabled} onChange={(event) => setCaption(event.target.value)} />
      </label>
      <label className="text-sm">
        {m.photos.credit}
        <input className={input} value={credit} disabled={disabled} onChange={(event) => setCredit(event.target.value)} />
      </label>
      <label className="text-sm">
        {m.photos.altText}
        <input className={input} value={altText} disabled={disabled} onChange={(event) => setAltText(event.target.value)} />
      </label>
      {!disabled && (
        <div className="flex items-center gap-3 sm:col-span-2">
          <button type="button" onClick={save} disabled={pending} className="rounded border border-neutral-500 px-3 py-1 text-sm">
            {m.photos.saveDetails}
          </button>
          <p role="status" className={`text-sm ${status.ok ? "text-green-800" : "text-red-800"}`}>
            {status.message}
          </p>
        </div>
      )}
    </div>
  );
}

/** The story's photos in order, each with this story's caption and the library's details. */
export function StoryPhotoFields(props: {
  photos: StoryPhoto[];
  known: Record<string, PickedPhoto>;
  disabled: boolean;
  locale: "zh-CN" | "en";
  m: Messages;
  onChange: (photos: StoryPhoto[], picked?: PickedPhoto) => void;
}) {
  const { photos, known, disabled, m, onChange } = props;
  const [picking, setPicking] = useState(false);
  const update = (index: number, changes: Partial<StoryPhoto>) => onChange(photos.map((photo, i) => (i === index ? { ...photo, ...changes } : photo)));
  return (
    <fieldset className="rounded border border-neutral-200 p-3">
      <legend className="px-1 font-semibold">{m.photos.legend}</legend>
      {photos.length === 0 && <p className="text-sm text-neutral-600">{m.photos.none}</p>}
      <ol className="space-y-4">
        {photos.map((entry, index) => {
          const photo = known[entry.photoId];
          return (
            <li key={entry.photoId} aria-label={m.photos.rowLabel(index + 1)} className="grid gap-3 rounded bg-neutral-50 p-2 md:grid-cols-[12rem_1fr]">
              {photo ? (
                <img src={photo.src} srcSet={photo.srcSet || undefined} sizes="12rem" width={photo.width} height={photo.height} alt={photo.altText ?? photo.caption ?? ""} className="h-auto w-48 rounded" />
              ) : (
                <span />
              )}
              <div className="space-y-2">
                <label className="block text-sm">
                  {m.photos.caption}
                  <textarea className={input} rows={2} value={entry.captionOverride ?? ""} disabled={disabled} onChange={(event) => update(index, { captionOverride: event.target.value || null })} />
                </label>
                {photo && <LibraryDetails photo={photo} m={m} disabled={disabled} />}
                {!disabled && (
                  <div className="flex gap-2 text-sm">
                    <button type="button" disabled={index === 0} onClick={() => onChange(move(photos, index, index - 1))} className="rounded border px-2 py-1 disabled:opacity-40">
                      {m.photos.up}
                    </button>
                    <button type="button" disabled={index === photos.length - 1} onClick={() => onChange(move(photos, index, index + 1))} className="rounded border px-2 py-1 disabled:opacity-40">
                      {m.photos.down}
                    </button>
                    <button type="button" onClick={() => onChange(photos.filter((_, i) => i !== index))} className="rounded border border-red-700 px-2 py-1 text-red-800">
                      {m.photos.remove}
                    </button>
                  </div>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {!disabled &&
        (picking ? (
          <div className="mt-3 rounded border border-neutral-300 p-3">
            <PhotoPicker
              locale={props.locale}
              onPick={(photo) => {
                setPicking(false);
                if (!photos.some((entry) => entry.photoId === photo.id)) onChange([...photos, { photoId: photo.id, captionOverride: null }], photo);
              }}
            />
          </div>
        ) : (
          <button type="button" onClick={() => setPicking(true)} className="mt-3 rounded border border-neutral-400 px-3 py-1 text-sm">
            {m.photos.add}
          </button>
        ))}
    </fieldset>
  );
}
