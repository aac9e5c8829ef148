"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { pageMessages } from "@/lib/i18n/messages/pages";
import { matchPageFile } from "@/lib/pages/match-page-file";

/** The server's limit (lib/pages/page-errors.ts), checked here first so a big file is not sent at all. */
const MAX_BYTES = 100 * 1024 * 1024;
/** One at a time: each upload is large, and the server renders the pages one by one anyway. */
const PARALLEL = 1;

type Status = "waiting" | "uploading" | "processing" | "done" | "failed";
interface Item {
  key: string;
  name: string;
  pageNumber?: string;
  status: Status;
  progress: number;
  message?: string;
}

/**
 * Upload of page PDFs for an edition: several at once, each matched to its page
 * by file name (A05.pdf → A05), each with its own progress and result. With a
 * single page in `pages`, any PDF goes to that page. After the uploads the
 * page's server data is refreshed, which shows the pages' render status.
 */
export function EditionPdfUploader(props: { editionId: string; pages: { id: string; number: string }[]; locale: "zh-CN" | "en" }) {
  const t = pageMessages[props.locale].upload;
  const router = useRouter();
  const inputId = useId();
  const [items, setItems] = useState<Item[]>([]);
  const [dragging, setDragging] = useState(false);
  const single = props.pages.length === 1;

  const update = (key: string, change: Partial<Item>) => setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));

  async function uploadAll(files: File[]) {
    if (files.length === 0) return;
    const batch = files.map((file, index) => {
      const page = single ? props.pages[0]! : matchPageFile(file.name, props.pages);
      return { file, page, key: `${Date.now()}-${index}-${file.name}` };
    });
    setItems((current) => [...batch.map(({ file, key, page }) => ({ key, name: file.name, pageNumber: page?.number, status: "waiting" as const, progress: 0 })), ...current]);
    let next = 0;
    const worker = async () => {
      while (next < batch.length) {
        const { file, key, page } = batch[next++]!;
        if (!page) {
          update(key, { status: "failed", message: t.unknownPage(file.name, props.pages.map((p) => p.number).join("、")) });
          continue;
        }
        if (!/\.pdf$/i.test(file.name) && file.type !== "application/pdf") {
          update(key, { status: "failed", message: t.notPdf });
          continue;
        }
        if (file.size > MAX_BYTES) {
          update(key, { status: "failed", message: t.tooLarge });
          continue;
        }
        update(key, { status: "uploading" });
        const result = await sendPagePdf(page.id, file, (progress) => update(key, { progress, status: progress >= 1 ? "processing" : "uploading" }));
        if (result.ok) update(key, { status: "done", progress: 1 });
        else update(key, { status: "failed", message: result.message ?? t.network });
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, batch.length) }, worker));
    router.refresh();
  }

  const finished = items.filter((item) => item.status === "done").length;
  const failed = items.filter((item) => item.status === "failed").length;

  return (
    <section aria-labelledby={`${inputId}-heading`} data-edition-id={props.editionId} className="rounded border border-neutral-300 bg-white p-4">
      <h2 id={`${inputId}-heading`} className="text-lg font-bold">
        {single ? t.heading : t.headingEdition}
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
        className={`mt-3 flex flex-col items-center gap-2 rounded border-2 border-dashed p-4 text-center ${dragging ? "border-brand bg-red-50" : "border-neutral-400"}`}
      >
        <p>
          {t.drop}{" "}
          <input
            id={inputId}
            type="file"
            multiple={!single}
            accept="application/pdf,.pdf"
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
            {single ? t.choose : t.chooseMany}
          </label>
        </p>
        <p className="text-sm text-neutral-700">{single ? t.hint : t.hintEdition}</p>
      </div>
      {items.length > 0 && (
        <ul aria-label={t.list} className="mt-3 space-y-2">
          {items.map((item) => (
            <li key={item.key} className="text-sm">
              <div className="flex flex-wrap items-center gap-3">
                <span className="font-medium break-all">{item.name}</span>
                {item.pageNumber && !single && <span>→ {t.forPage(item.pageNumber)}</span>}
                <progress max={1} value={item.progress} aria-label={t.progress(item.name)} className="h-2 w-32" />
                <span className={item.status === "failed" ? "font-medium text-red-800" : "text-neutral-800"}>{t[item.status]}</span>
                {item.message && <span className="text-red-800">{item.message}</span>}
              </div>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="mt-2 text-sm">
        {items.length > 0 && items.every((item) => item.status === "done" || item.status === "failed") ? t.summary(finished, items.length, failed) : ""}
      </p>
    </section>
  );
}

type SendResult = { ok: true } | { ok: false; message: string | null };

/**
 * Sends one PDF to POST /api/pages/{pageId}/pdf as the raw body. XMLHttpRequest
 * rather than fetch: only it reports upload progress. `message` is null when
 * the connection failed (the caller says so in the user's language).
 */
function sendPagePdf(pageId: string, file: File, onProgress: (fraction: number) => void): Promise<SendResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/pages/${encodeURIComponent(pageId)}/pdf`);
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    xhr.setRequestHeader("Content-Type", "application/pdf");
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = (xhr.response ?? {}) as { error?: string };
      if (xhr.status >= 200 && xhr.status < 300) resolve({ ok: true });
      else resolve({ ok: false, message: body.error ?? null });
    };
    xhr.onerror = () => resolve({ ok: false, message: null });
    xhr.send(file);
  });
}
