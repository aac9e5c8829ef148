"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { fillTemplate, photoMessages } from "@/lib/i18n/messages/photos";
import type { PhotoSummary } from "@/lib/media/photos/photo-summary";
import { sendPhoto } from "./send-photo";

/** The server's limit (lib/media/photos/photo-errors.ts), checked here first so a big file is not sent at all. */
const MAX_BYTES = 30 * 1024 * 1024;
/** Two at a time: the server resizes each photo, and it has few cores. */
const PARALLEL = 2;
const ACCEPT = "image/jpeg,image/png,image/webp,image/heic,image/heif,.jpg,.jpeg,.png,.webp,.heic,.heif";

type Status = "waiting" | "uploading" | "processing" | "done" | "duplicate" | "failed";
interface Item {
  key: string;
  name: string;
  status: Status;
  progress: number;
  message?: string;
  photoId?: string;
}

/**
 * Drop zone and file button for several photos at once, each with its own
 * progress bar and result; a summary is announced to screen readers.
 * `refresh` reloads the page's server data (the library grid) after uploads.
 */
export function PhotoUploader(props: { locale: "zh-CN" | "en"; refresh?: boolean; onUploaded?: (photo: PhotoSummary) => void }) {
  const t = photoMessages[props.locale].upload;
  const router = useRouter();
  const inputId = useId();
  const [items, setItems] = useState<Item[]>([]);
  const [dragging, setDragging] = useState(false);

  const update = (key: string, change: Partial<Item>) => setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));

  async function uploadAll(files: File[]) {
    if (files.length === 0) return;
    const batch = files.map((file, index) => ({ file, key: `${Date.now()}-${index}-${file.name}` }));
    setItems((current) => [...batch.map(({ file, key }) => ({ key, name: file.name, status: "waiting" as const, progress: 0 })), ...current]);
    let next = 0;
    const worker = async () => {
      while (next < batch.length) {
        const { file, key } = batch[next++]!;
        if (file.size > MAX_BYTES) {
          update(key, { status: "failed", message: t.tooLarge });
          continue;
        }
        update(key, { status: "uploading" });
        const result = await sendPhoto(file, (progress) => update(key, { progress, status: progress >= 1 ? "processing" : "uploading" }));
        if (result.ok) {
          update(key, { status: result.duplicate ? "duplicate" : "done", progress: 1, photoId: result.photo.id });
          props.onUploaded?.(result.photo);
        } else {
          update(key, { status: "failed", message: result.message ?? t.network });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, batch.length) }, worker));
    if (props.refresh) router.refresh();
  }

  const finished = items.filter((item) => item.status === "done" || item.status === "duplicate").length;
  const failed = items.filter((item) => item.status === "failed").length;

  return (
    <section aria-labelledby={`${inputId}-heading`} className="rounded border border-neutral-300 bg-white p-4">
      <h2 id={`${inputId}-heading`} className="text-lg font-bold">
        {t.heading}
      </h2>
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          void uploadAll(Array.from(event.dataTransfer.files));
        }}
        className={`mt-3 flex flex-col items-center gap-2 rounded border-2 border-dashed p-6 text-center ${dragging ? "border-brand bg-red-50" : "border-neutral-400"}`}
      >
        <p>
          {t.drop}{" "}
          <input
            id={inputId}
            type="file"
            multiple
            accept={ACCEPT}
            className="peer sr-only"
            onChange={(event) => {
              const files = Array.from(event.currentTarget.files ?? []);
              event.currentTarget.value = "";
              void uploadAll(files);
            }}
          />
          <label
            htmlFor={inputId}
            className="cursor-pointer rounded bg-brand px-3 py-1 text-white peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-neutral-900 hover:bg-brand-dark"
          >
            {t.choose}
          </label>
        </p>
        <p className="text-sm text-neutral-700">{t.hint}</p>
      </div>
      {items.length > 0 && (
        <ul aria-label={t.list} className="mt-3 space-y-2">
          {items.map((item) => (
            <li key={item.key} className="text-sm">
              <div className="flex flex-wrap items-center gap-3">
                <span className="font-medium break-all">{item.name}</span>
                <progress max={1} value={item.progress} aria-label={fillTemplate(t.progress, { name: item.name })} className="h-2 w-32" />
                <span className={item.status === "failed" ? "font-medium text-red-800" : "text-neutral-800"}>{t[item.status]}</span>
                {item.message && <span className="text-red-800">{item.message}</span>}
                {item.photoId && (
                  <Link href={`/admin/photos/${item.photoId}`} className="text-brand underline">
                    {fillTemplate(t.edit, { name: item.name })}
                  </Link>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="mt-2 text-sm">
        {items.length > 0 && items.every((item) => ["done", "duplicate", "failed"].includes(item.status))
          ? fillTemplate(t.summary, { done: finished, total: items.length, failed })
          : ""}
      </p>
    </section>
  );
}
