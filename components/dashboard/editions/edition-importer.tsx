"use client";

import Link from "next/link";
import { useId, useState } from "react";
import type { EditionImportResult } from "@/lib/editions/run-edition-import";
import { MAX_IMPORT_BYTES, MAX_IMPORT_FILES } from "@/lib/editions/import-limits";
import { manifestFileNames, safeImportPath, stripCommonFolder } from "@/lib/editions/import-paths";
import { editionImportMessages, type EditionImportMessages } from "@/lib/i18n/messages/edition-import";

/** A file of the chosen folder, with its path inside what was chosen ("2023-03-13/A05.pdf"). */
interface Picked {
  path: string;
  file: File;
}

interface Chosen {
  name: string;
  files: Picked[];
  bytes: number;
}

type Outcome =
  | { kind: "done"; result: EditionImportResult }
  | { kind: "failed"; message: string; problems?: string[] };

/**
 * 导入整期: the editor chooses (or drops) an edition folder; the browser sends
 * manifest.json and the files it names in one request with upload progress;
 * the server runs the same import as `npm run import` and answers with its
 * report, shown here: pages, stories created/updated, regions per page,
 * pre-flight problems with links, and whether it published.
 */
export function EditionImporter(props: { locale: "zh-CN" | "en"; canPublish: boolean }) {
  const t = editionImportMessages[props.locale];
  const id = useId();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [choiceError, setChoiceError] = useState<string | null>(null);
  const [publish, setPublish] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [phase, setPhase] = useState<"idle" | "uploading" | "processing">("idle");
  const [progress, setProgress] = useState(0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const busy = phase !== "idle";

  async function choose(picked: Picked[]) {
    setOutcome(null);
    const prepared = await prepare(picked, t);
    if (typeof prepared === "string") {
      setChosen(null);
      setChoiceError(prepared);
    } else {
      setChosen(prepared);
      setChoiceError(null);
    }
  }

  async function start() {
    if (!chosen || busy) return;
    setOutcome(null);
    setPhase("uploading");
    setProgress(0);
    const form = new FormData();
    form.append("publish", publish ? "1" : "0");
    for (const { path, file } of chosen.files) {
      form.append("path", path);
      form.append("file", file, file.name);
    }
    const answer = await send(form, t.serverError, (fraction) => {
      setProgress(fraction);
      if (fraction >= 1) setPhase("processing");
    });
    setPhase("idle");
    setOutcome(answer ?? { kind: "failed", message: t.network });
  }

  return (
    <div className="mt-4 space-y-4">
      <section aria-labelledby={`${id}-choose`} className="rounded border border-neutral-300 bg-white p-4">
        <h2 id={`${id}-choose`} className="text-lg font-bold">
          {t.folderHeading}
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
            if (busy) return;
            // Entries must be taken while the event lasts; reading them is asynchronous.
            const entries = Array.from(event.dataTransfer.items, (item) => item.webkitGetAsEntry?.() ?? null);
            const files = Array.from(event.dataTransfer.files);
            void (entries.every(Boolean) ? readEntries(entries as FileSystemEntry[]) : Promise.resolve(files.map((file) => ({ path: file.name, file })))).then(choose);
          }}
          className={`mt-3 flex flex-col items-center gap-2 rounded border-2 border-dashed p-6 text-center ${dragging ? "border-brand bg-red-50" : "border-neutral-400"}`}
        >
          <p>
            {t.drop}{" "}
            <input
              id={`${id}-input`}
              type="file"
              multiple
              disabled={busy}
              // React has no prop for it: the folder picker is switched on here.
              ref={(input) => {
                if (input) input.webkitdirectory = true;
              }}
              className="peer sr-only"
              onChange={(event) => {
                const files = Array.from(event.currentTarget.files ?? [], (file) => ({ path: file.webkitRelativePath || file.name, file }));
                event.currentTarget.value = "";
                void choose(files);
              }}
            />
            <label
              htmlFor={`${id}-input`}
              className="cursor-pointer rounded bg-brand px-3 py-1 text-white peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-neutral-900 hover:bg-brand-dark"
            >
              {t.choose}
            </label>
          </p>
          <p className="text-sm text-neutral-700">{t.hint}</p>
        </div>
        <p role="status" className="mt-2 text-sm">
          {chosen ? t.chosen(chosen.name, chosen.files.length, formatSize(chosen.bytes)) : ""}
        </p>
        {choiceError && (
          <p role="alert" className="mt-2 text-sm font-medium text-red-800">
            {choiceError}
          </p>
        )}

        {props.canPublish && (
          <div className="mt-3">
            <label className="inline-flex items-center gap-2">
              <input type="checkbox" checked={publish} disabled={busy} onChange={(event) => setPublish(event.currentTarget.checked)} aria-describedby={`${id}-publish-hint`} />
              {t.publish}
            </label>
            <p id={`${id}-publish-hint`} className="text-sm text-neutral-700">
              {t.publishHint}
            </p>
          </div>
        )}

        <p className="mt-3 flex flex-wrap items-center gap-3">
          <button type="button" onClick={() => void start()} disabled={!chosen || busy} className="rounded bg-brand px-3 py-1 text-white hover:bg-brand-dark disabled:opacity-60">
            {busy ? t.submitting : t.submit}
          </button>
          {busy && <progress max={1} value={progress} aria-label={t.progress} className="h-2 w-48" />}
        </p>
        <p role="status" className="mt-2 text-sm">
          {phase === "uploading"
            ? t.uploading(Math.round(progress * 100))
            : phase === "processing"
              ? t.processing
              : outcome?.kind === "done"
                ? t.report.heading(outcome.result.date)
                : ""}
        </p>
      </section>

      {outcome?.kind === "failed" && (
        <section role="alert" aria-labelledby={`${id}-failed`} className="rounded border border-red-200 bg-red-50 p-4 text-red-900">
          <h2 id={`${id}-failed`} className="text-lg font-bold">
            {t.failedHeading}
          </h2>
          <p className="mt-1">{outcome.message}</p>
          {outcome.problems && (
            <ul className="mt-2 list-disc space-y-1 pl-5 font-mono text-sm">
              {outcome.problems.map((problem, index) => (
                <li key={index} className="break-all">
                  {problem}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {outcome?.kind === "done" && <ImportReport result={outcome.result} t={t.report} locale={props.locale} />}
    </div>
  );
}

/** The import's report, the same facts as the command prints. */
function ImportReport({ result, t, locale }: { result: EditionImportResult; t: EditionImportMessages["report"]; locale: "zh-CN" | "en" }) {
  const id = useId();
  const plan = `/admin/editions/${result.date}`;
  return (
    <section aria-labelledby={`${id}-report`} className="rounded border border-green-300 bg-white p-4">
      <h2 id={`${id}-report`} className="text-lg font-bold">
        {t.heading(result.date)}
      </h2>
      <p className="mt-1">{t.summary(result.pages, result.articlesCreated, result.articlesUpdated)}</p>
      <p className="mt-1">
        <Link href={plan} className="text-brand underline">
          {t.openPlan(result.date)}
        </Link>
      </p>

      <h3 className="mt-4 font-bold">{t.regionsHeading}</h3>
      {result.regions.length === 0 ? (
        <p className="mt-1">{t.noPdf}</p>
      ) : (
        <table className="mt-2 border-collapse text-sm">
          <caption className="sr-only">{t.regionsCaption}</caption>
          <thead>
            <tr className="border-b border-neutral-300 text-left">
              <th scope="col" className="p-2">{t.page}</th>
              <th scope="col" className="p-2">{t.found}</th>
              <th scope="col" className="p-2">{t.matched}</th>
              <th scope="col" className="p-2">{t.unmatched}</th>
              <th scope="col" className="p-2">{t.moved}</th>
            </tr>
          </thead>
          <tbody>
            {result.regions.map((page) => (
              <tr key={page.number} className="border-b border-neutral-200">
                <th scope="row" className="p-2 text-left font-normal">
                  <Link href={`${plan}/pages/${page.number}`} className="text-brand underline">
                    {t.pageLink(page.number)}
                  </Link>
                </th>
                <td className="p-2">{page.found}</td>
                <td className="p-2">{page.matched}</td>
                <td className="p-2">{page.unmatched}</td>
                <td className="p-2">{page.moved}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3 className="mt-4 font-bold">{t.preflightHeading}</h3>
      {result.problems.length === 0 ? (
        <p className="mt-1">{t.preflightPassed}</p>
      ) : (
        <>
          <p className="mt-1">{t.preflightProblems(result.problems.length)}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {result.problems.map((problem, index) => (
              <li key={index}>
                <Link href={problem.href} className="text-brand underline">
                  {problem[locale]}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="mt-4 font-medium">
        {result.published
          ? t.published(result.date)
          : result.status === "PUBLISHED"
            ? t.alreadyPublished
            : result.publishRequested
              ? t.notPublished
              : t.notRequested}
      </p>
    </section>
  );
}

/**
 * What to send of a chosen folder: manifest.json and the files it names (a
 * folder from a layout system holds much else). A manifest that is not JSON is
 * sent alone: the server names its line. Limits are checked before sending.
 */
async function prepare(picked: Picked[], t: EditionImportMessages): Promise<Chosen | string> {
  const usable = picked.filter((entry) => safeImportPath(entry.path) !== null);
  const relative = stripCommonFolder(usable.map((entry) => safeImportPath(entry.path)!));
  const manifestIndex = relative.indexOf("manifest.json");
  if (manifestIndex < 0) return t.noManifest;
  let named: Set<string> | null = null;
  try {
    const manifest: unknown = JSON.parse(await usable[manifestIndex]!.file.text());
    named = new Set(manifestFileNames(manifest).map((name) => safeImportPath(name)).filter((name): name is string => name !== null));
  } catch {
    named = new Set();
  }
  const files = usable.filter((_, index) => index === manifestIndex || named.has(relative[index]!));
  const bytes = files.reduce((sum, entry) => sum + entry.file.size, 0);
  if (files.length > MAX_IMPORT_FILES) return t.tooMany(MAX_IMPORT_FILES);
  if (bytes > MAX_IMPORT_BYTES) return t.tooLarge;
  const top = usable[manifestIndex]!.path.split("/");
  return { name: top.length > 1 ? top[0]! : "manifest.json", files, bytes };
}

/** Files of dropped folders (and files), with their paths, in the browser's File and Directory Entries API. */
async function readEntries(entries: FileSystemEntry[]): Promise<Picked[]> {
  const picked: Picked[] = [];
  const visit = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      picked.push({ path: entry.fullPath.replace(/^\/+/, ""), file });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      // readEntries answers in batches until an empty one.
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const child of batch) await visit(child);
      }
    }
  };
  for (const entry of entries) await visit(entry);
  return picked;
}

/**
 * Sends the form to POST /api/editions/import. XMLHttpRequest rather than
 * fetch: only it reports upload progress. Null when the connection failed;
 * an answer without a message (a server failure) gets `serverError`.
 */
function send(form: FormData, serverError: string, onProgress: (fraction: number) => void): Promise<Outcome | null> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/editions/import");
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.upload.onload = () => onProgress(1);
    xhr.onload = () => {
      const body = (xhr.response ?? {}) as { result?: EditionImportResult; error?: string; problems?: string[] };
      if (xhr.status >= 200 && xhr.status < 300 && body.result) resolve({ kind: "done", result: body.result });
      else if (body.error) resolve({ kind: "failed", message: body.error, problems: body.problems });
      else resolve({ kind: "failed", message: serverError });
    };
    xhr.onerror = () => resolve(null);
    xhr.send(form);
  });
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
