"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  correctStoryAction,
  leavePresenceAction,
  loadStoryAction,
  saveStoryAction,
  setStoryPhotosAction,
  touchPresenceAction,
  type SaveResult,
} from "@/app/(dashboard)/admin/(staff)/stories/actions";
import type { PickedPhoto } from "@/lib/media/photos/photo-summary";
import type { ActionState } from "@/lib/actions/run-action";
import { blockText } from "@/lib/articles/body";
import { dashboardMessages } from "@/lib/i18n/dashboard-messages";
import type { StoryEditorData } from "@/lib/stories/load-story-editor";
import type { StoryConflictDetails } from "@/lib/stories/story-conflict";
import { PRESENCE_INTERVAL_MS } from "@/lib/stories/presence-interval";
import { storyWordCount, type StoryContent } from "@/lib/stories/story-content";
import { BodyEditor, type BodyEditorHandle } from "./body-editor";
import { BylineFields } from "./byline-fields";
import { ConflictPanel } from "./conflict-panel";
import { StoryPhotoFields } from "./story-photo-fields";
import { WorkflowActions } from "./workflow-actions";

const AUTOSAVE_DELAY_MS = 2_000;
const RETRY_DELAY_MS = 5_000;

type SaveStatus =
  | { kind: "saved"; at: string; version: number }
  | { kind: "saving" }
  | { kind: "error"; message: string }
  | { kind: "offline" }
  | { kind: "conflict" };

const input = "mt-1 w-full rounded border border-neutral-300 px-2 py-1 disabled:bg-neutral-100";
const json = (content: StoryContent) => JSON.stringify(content);

/** The first invalid field, named as the form names it (content.headline → 标题). */
function fieldProblem(fieldErrors: Record<string, string> | undefined, labels: Record<string, string> = {}) {
  const [path, message] = Object.entries(fieldErrors ?? {})[0] ?? [];
  if (!path) return "";
  const field = path.replace(/^content\./, "").split(".")[0]!;
  return `（${labels[field] ?? path}：${message}）`;
}

function timeOf(iso: string, locale: string) {
  return new Date(iso).toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });
}

/**
 * The story editor: autosaves a couple of seconds after typing stops (the
 * cursor stays where it is), warns before leaving with unsaved changes, shows
 * who else has the story open, and turns a save against a newer version into a
 * conflict the user resolves knowingly.
 */
export function StoryEditor({ story, locale }: { story: StoryEditorData; locale: "zh-CN" | "en" }) {
  const all = dashboardMessages(locale);
  const m = all.stories;
  const router = useRouter();
  const bodyRef = useRef<BodyEditorHandle>(null);
  const [content, setContent] = useState(story.content);
  const contentRef = useRef(content);
  useEffect(() => {
    contentRef.current = content;
  }, [content]);
  const baseVersion = useRef(story.version);
  // What the server holds, as state (renders "unsaved") and as a ref (for timers and callbacks).
  const [savedState, setSavedState] = useState(() => json(story.content));
  const savedJson = useRef(savedState);
  const markSaved = useCallback((value: string) => {
    savedJson.current = value;
    setSavedState(value);
  }, []);
  const saving = useRef(false);
  /** Content the server refused (invalid): not sent again until it changes. */
  const refusedJson = useRef<string | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ kind: "saved", at: story.updatedAt, version: story.version });
  const [conflict, setConflict] = useState<StoryConflictDetails | null>(null);
  const [mergeReference, setMergeReference] = useState<StoryContent | null>(null);
  const [others, setOthers] = useState<string[]>([]);
  const [notice, setNotice] = useState("");
  const [knownPhotos, setKnownPhotos] = useState<Record<string, PickedPhoto>>(story.photos);
  const [correction, setCorrection] = useState("");
  const [tick, setTick] = useState(0);

  const editable = story.mode === "edit" || story.mode === "correct";
  const fieldLabels: Record<string, string> = useMemo(
    () => ({
      kicker: m.editor.kicker,
      headline: m.editor.headline,
      subtitle: m.editor.subtitle,
      body: m.editor.body,
      summary: m.editor.summary,
      editorialNote: m.editor.editorialNote,
      plannedDate: m.editor.plannedDate,
      plannedPageNameId: m.editor.plannedPageName,
      photoAssigneeId: m.editor.photoAssignee,
      bylines: m.bylines.legend,
      noByline: m.bylines.noByline,
      photos: m.photos.legend,
    }),
    [m],
  );
  const dirty = json(content) !== savedState;
  // Leaving mid-merge would lose the user's own version, shown only on this page.
  const guardLeaving = dirty || mergeReference !== null;

  /** Puts a stored version into the editor as the new starting point. */
  const load = useCallback((next: StoryContent, version: number) => {
    baseVersion.current = version;
    markSaved(json(next));
    contentRef.current = next;
    setContent(next);
    bodyRef.current?.replace(next.body);
  }, [markSaved]);

  const handleSave = useCallback(
    (result: ActionState<SaveResult>, sent: StoryContent) => {
      const data = result.data;
      if (result.ok && data && "saved" in data) {
        baseVersion.current = data.saved.version;
        markSaved(json(sent));
        setStatus({ kind: "saved", at: data.saved.updatedAt, version: data.saved.version });
      } else if (result.ok && data && "conflict" in data) {
        setConflict(data.conflict);
        setStatus({ kind: "conflict" });
      } else {
        refusedJson.current = json(sent);
        setStatus({ kind: "error", message: [result.message, fieldProblem(result.fieldErrors, fieldLabels)].filter(Boolean).join(" ") });
      }
    },
    [markSaved, fieldLabels],
  );

  const save = useCallback(async () => {
    if (saving.current || story.mode !== "edit") return;
    const sent = contentRef.current;
    saving.current = true;
    setStatus({ kind: "saving" });
    try {
      handleSave(await saveStoryAction({ storyId: story.id, baseVersion: baseVersion.current, content: sent }), sent);
    } catch {
      setStatus({ kind: "offline" });
      setTimeout(() => setTick((value) => value + 1), RETRY_DELAY_MS);
    } finally {
      saving.current = false;
      setTick((value) => value + 1);
    }
  }, [handleSave, story.id, story.mode]);

  // Autosave: a short pause after the last change, never during a conflict.
  useEffect(() => {
    const current = json(content);
    if (story.mode !== "edit" || conflict || current === savedJson.current || current === refusedJson.current) return;
    const timer = setTimeout(save, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [content, conflict, save, story.mode, tick]);

  // Ctrl/⌘+S saves at once.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        void save();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [save]);

  // Leaving with unsaved changes asks first: closing the tab, and links inside the app.
  useEffect(() => {
    if (!guardLeaving) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (link && !window.confirm(m.editor.leaveWarning)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [guardLeaving, m.editor.leaveWarning]);

  // Presence: who else has the story open; a newer version loads itself when nothing here is unsaved.
  useEffect(() => {
    let stopped = false;
    const beat = async () => {
      const result = await touchPresenceAction({ storyId: story.id }).catch(() => null);
      if (stopped || !result?.ok || !result.data) return;
      const { others: people, version, updatedByName } = result.data;
      setOthers(people.map((person) => person.name));
      if (version <= baseVersion.current || saving.current) return;
      if (json(contentRef.current) === savedJson.current && story.mode !== "correct") {
        const latest = await loadStoryAction({ storyId: story.id }).catch(() => null);
        if (stopped || !latest?.ok || !latest.data || json(contentRef.current) !== savedJson.current) return;
        setKnownPhotos((known) => ({ ...known, ...latest.data!.photos }));
        load(latest.data.content, latest.data.version);
        setStatus({ kind: "saved", at: latest.data.updatedAt, version: latest.data.version });
        setNotice(`${m.presence.newerVersion(updatedByName ?? "?", version)}${m.presence.reloaded}`);
      } else {
        setNotice(m.presence.newerVersion(updatedByName ?? "?", version));
      }
    };
    void beat();
    const timer = setInterval(beat, PRESENCE_INTERVAL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
      void leavePresenceAction({ storyId: story.id }).catch(() => undefined);
    };
  }, [load, m.presence, story.id, story.mode]);

  const change = (changes: Partial<StoryContent>) => setContent((current) => ({ ...current, ...changes }));

  const changePhotos = async (photos: StoryContent["photos"], picked?: PickedPhoto) => {
    if (picked) setKnownPhotos((known) => ({ ...known, [picked.id]: picked }));
    change({ photos });
    // A photographer's only change: saved at once, the rest of the story untouched.
    if (story.mode === "photos") {
      const sent = { ...contentRef.current, photos };
      setStatus({ kind: "saving" });
      handleSave(await setStoryPhotosAction({ storyId: story.id, baseVersion: baseVersion.current, photos }), sent);
    }
  };

  const publishCorrection = async () => {
    const sent = contentRef.current;
    setStatus({ kind: "saving" });
    const result = await correctStoryAction({ storyId: story.id, baseVersion: baseVersion.current, content: sent, correction });
    handleSave(result, sent);
    if (result.ok && result.data && "saved" in result.data) {
      setCorrection("");
      setNotice(result.message ?? "");
      router.refresh();
    }
  };

  const statusText =
    status.kind === "saving"
      ? m.editor.saving
      : status.kind === "offline"
        ? m.editor.offline
        : status.kind === "error"
          ? `${m.editor.saveFailed}${status.message}`
          : status.kind === "conflict"
            ? m.conflict.title
            : dirty && story.mode === "edit"
              ? m.editor.unsaved
              : m.editor.saved(timeOf(status.at, locale), status.version);

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <div className="space-y-4">
        {others.length > 0 && (
          <p role="status" className="rounded border border-blue-300 bg-blue-50 px-3 py-2 text-blue-900">
            {m.presence.alsoOpen(others.join("、"))}
          </p>
        )}
        {notice && (
          <p role="status" className="rounded border border-neutral-300 bg-neutral-50 px-3 py-2">
            {notice}
          </p>
        )}
        {story.mode === "read" && <p className="rounded bg-neutral-100 px-3 py-2">{m.editor.readOnly}</p>}
        {conflict && (
          <ConflictPanel
            conflict={conflict}
            mine={content}
            m={m}
            onOverwrite={() => {
              baseVersion.current = conflict.version;
              setConflict(null);
              setTick((value) => value + 1);
            }}
            onTakeTheirs={() => {
              load(conflict.content, conflict.version);
              setConflict(null);
              setStatus({ kind: "saved", at: conflict.updatedAt, version: conflict.version });
            }}
            onMerge={() => {
              setMergeReference(content);
              load(conflict.content, conflict.version);
              setConflict(null);
              setStatus({ kind: "saved", at: conflict.updatedAt, version: conflict.version });
            }}
          />
        )}
        {mergeReference && (
          <section aria-labelledby="merge-reference" className="rounded border border-amber-400 bg-amber-50 p-3">
            <h2 id="merge-reference" className="font-semibold">
              {m.conflict.yourText}
            </h2>
            <p className="text-sm text-neutral-700">{m.conflict.mergeHint}</p>
            <p className="mt-2 font-bold">{mergeReference.headline}</p>
            <div className="mt-1 max-h-64 overflow-auto text-sm leading-6 whitespace-pre-wrap">
              {mergeReference.body.content.map((block, index) => (
                <p key={index}>{blockText(block)}</p>
              ))}
            </div>
            <button type="button" onClick={() => setMergeReference(null)} className="mt-2 rounded border border-neutral-500 px-3 py-1 text-sm">
              {m.conflict.dismissYourText}
            </button>
          </section>
        )}

        <label className="block">
          {m.editor.kicker}
          <input className={input} value={content.kicker ?? ""} disabled={!editable} onChange={(event) => change({ kicker: event.target.value || null })} />
        </label>
        <label className="block">
          {m.editor.headline}
          <input className={`${input} text-xl font-bold`} value={content.headline} disabled={!editable} onChange={(event) => change({ headline: event.target.value })} />
        </label>
        <label className="block">
          {m.editor.subtitle}
          <input className={input} value={content.subtitle ?? ""} disabled={!editable} onChange={(event) => change({ subtitle: event.target.value || null })} />
        </label>
        <div>
          <span id="story-body-label">{m.editor.body}</span>
          <div className="mt-1">
            <BodyEditor
              ref={bodyRef}
              initial={story.content.body}
              editable={editable}
              labels={{ body: m.editor.body, toolbar: m.editor.bodyToolbar, paragraph: m.editor.paragraph, subhead: m.editor.subhead, bold: m.editor.bold, italic: m.editor.italic, undo: m.editor.undo, redo: m.editor.redo }}
              onChange={(body) => change({ body })}
            />
          </div>
        </div>
        <label className="block">
          {m.editor.summary}
          <textarea className={input} rows={3} value={content.summary ?? ""} disabled={!editable} onChange={(event) => change({ summary: event.target.value || null })} />
        </label>
        <BylineFields
          bylines={content.bylines}
          noByline={content.noByline}
          people={story.people}
          disabled={!editable}
          m={m}
          onChange={(bylines) => change({ bylines })}
          onNoBylineChange={(noByline) => change({ noByline })}
        />
        <StoryPhotoFields
          photos={content.photos}
          known={knownPhotos}
          disabled={!(editable || story.mode === "photos")}
          locale={locale}
          m={m}
          onChange={changePhotos}
        />

        {story.mode === "correct" && (
          <section aria-labelledby="correction-heading" className="rounded border-l-4 border-amber-500 bg-amber-50 p-3">
            <h2 id="correction-heading" className="font-semibold">
              {m.correction.legend}
            </h2>
            <p className="text-sm">{m.correction.explain}</p>
            {story.corrections.length > 0 && (
              <ul className="mt-2 list-disc pl-5 text-sm">
                {story.corrections.map((entry) => (
                  <li key={entry.publishedAt}>
                    <time dateTime={entry.publishedAt}>{entry.publishedAt.slice(0, 10)}</time>：{entry.text}
                  </li>
                ))}
              </ul>
            )}
            <label className="mt-2 block text-sm">
              {m.correction.text}
              <textarea className={input} rows={2} value={correction} onChange={(event) => setCorrection(event.target.value)} />
            </label>
            <button type="button" onClick={publishCorrection} className="mt-2 rounded bg-amber-700 px-3 py-1 text-white">
              {m.correction.submit}
            </button>
          </section>
        )}
      </div>

      <aside className="space-y-4" aria-label={m.editor.details}>
        <div className="rounded border border-neutral-200 bg-white p-3">
          <p>
            <span className="rounded bg-neutral-800 px-2 py-0.5 text-sm text-white">{all.articleStatus[story.status]}</span>
          </p>
          <p className="mt-2 text-sm tabular-nums">{m.editor.words(storyWordCount(content))}</p>
          {story.createdByName && <p className="text-sm text-neutral-700">{m.editor.createdBy(story.createdByName)}</p>}
          <p role="status" aria-live="polite" className={`mt-2 text-sm ${status.kind === "error" || status.kind === "conflict" ? "text-red-800" : "text-neutral-700"}`}>
            {statusText}
          </p>
          {story.mode === "edit" && (
            <button type="button" onClick={save} disabled={status.kind === "saving" || Boolean(conflict)} className="mt-2 rounded bg-neutral-900 px-3 py-1 text-white disabled:opacity-50">
              {m.editor.save}
            </button>
          )}
        </div>
        <WorkflowActions
          storyId={story.id}
          transitions={story.transitions}
          m={m}
          beforeMove={async () => {
            if (story.mode !== "edit" || json(contentRef.current) === savedJson.current) return !conflict;
            await save();
            return json(contentRef.current) === savedJson.current;
          }}
        />
        <div className="space-y-3 rounded border border-neutral-200 bg-white p-3">
          <label className="block text-sm">
            {m.editor.plannedDate}
            <input type="date" className={input} value={content.plannedDate ?? ""} disabled={!editable} onChange={(event) => change({ plannedDate: event.target.value || null })} />
          </label>
          <label className="block text-sm">
            {m.editor.plannedPageName}
            <select className={input} value={content.plannedPageNameId ?? ""} disabled={!editable} onChange={(event) => change({ plannedPageNameId: event.target.value || null })}>
              <option value="">{m.editor.noPageName}</option>
              {story.pageNames.map((pageName) => (
                <option key={pageName.id} value={pageName.id}>
                  {pageName.name}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm">
            {m.editor.photoAssignee}
            <select className={input} value={content.photoAssigneeId ?? ""} disabled={!editable} onChange={(event) => change({ photoAssigneeId: event.target.value || null })}>
              <option value="">{m.editor.noPhotoAssignee}</option>
              {story.photographers.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm">
            {m.editor.editorialNote}
            <textarea className={input} rows={4} value={content.editorialNote ?? ""} disabled={!editable} onChange={(event) => change({ editorialNote: event.target.value || null })} />
          </label>
        </div>
      </aside>
    </div>
  );
}
