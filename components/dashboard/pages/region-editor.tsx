"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useState, useTransition } from "react";
import type { ActionState } from "@/lib/actions/run-action";
import { pageMessages } from "@/lib/i18n/messages/pages";
import type { EditorRegion } from "@/lib/pages/load-page-editor";
import { boundsOf, isRectangle, rectangle, type Polygon } from "@/lib/pages/region-schema";
import { REGION_COLOURS, RegionCanvas } from "./region-canvas";

interface Region extends Omit<EditorRegion, "id"> {
  /** The stored region's id; absent until a new region is saved. */
  id?: string;
  key: string;
}

export interface RegionEditorProps {
  pageId: string;
  pageNumber: string;
  locale: "zh-CN" | "en";
  image: { src: string; srcSet: string; width: number; height: number } | null;
  placements: { id: string; articleId: string; label: string }[];
  regions: EditorRegion[];
  /** Fingerprint of the stored regions; it changes when someone saves or a new PDF is detected. */
  regionsVersion: string;
  save: (input: { pageId: string; regions: { id?: string; polygon: Polygon; placementId: string | null }[]; baseVersion: string }) => Promise<ActionState>;
  createStory: (input: { regionId: string }) => Promise<ActionState<{ articleId: string }>>;
}

const HISTORY_LIMIT = 100;
let newKeys = 0;

/**
 * The region editor: the page image with its regions, and the same regions as
 * a list of form fields (the keyboard path). Every change is one undo step
 * (button or Ctrl/⌘+Z); "save" sends the whole list to one server action,
 * with the version it started from. When the stored regions change (a save, a
 * new PDF's detection), an editor without unsaved changes moves to them; one
 * with unsaved changes is told, and keeps them until they choose to reload.
 */
export function RegionEditor(props: RegionEditorProps) {
  const t = pageMessages[props.locale].editor;
  const router = useRouter();
  const listId = useId();
  const stored = () => props.regions.map((region) => ({ ...region, key: region.id }));
  const [regions, setRegions] = useState<Region[]>(stored);
  const [history, setHistory] = useState<Region[][]>([]);
  const [baseVersion, setBaseVersion] = useState(props.regionsVersion);
  const [selected, setSelected] = useState<string | null>(null);
  const [drawing, setDrawing] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string; articleId?: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const changedOnServer = props.regionsVersion !== baseVersion;
  const loadStored = () => {
    setRegions(stored());
    setHistory([]);
    setBaseVersion(props.regionsVersion);
    setDirty(false);
  };
  // Adjusting state to new props during render (not in an effect): no flash of the old regions.
  if (changedOnServer && !dirty) loadStored();
  /** Records the current list as an undo step. */
  const checkpoint = () => {
    setHistory((past) => [...past.slice(-HISTORY_LIMIT + 1), regions]);
    setDirty(true);
  };
  const change = (next: Region[]) => {
    checkpoint();
    setRegions(next);
  };
  const undo = useCallback(() => {
    const previous = history.at(-1);
    if (!previous) return;
    setHistory(history.slice(0, -1));
    setRegions(previous);
  }, [history]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === "z") {
        const target = event.target as HTMLElement | null;
        // A text field keeps its own undo; number fields and the rest use the editor's.
        if (target instanceof HTMLInputElement && target.type === "text") return;
        if (target instanceof HTMLTextAreaElement) return;
        event.preventDefault();
        undo();
      }
      if (event.key === "Escape") setDrawing(false);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [undo]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const stateOf = (region: Region) => (region.moved ? "moved" : region.placementId ? "matched" : "unmatched");
  const placementLabel = (id: string | null) => props.placements.find((placement) => placement.id === id)?.label ?? t.noStory;

  function addRegion(polygon: Polygon) {
    const key = `new-${++newKeys}`;
    change([...regions, { key, polygon, placementId: null, source: "MANUAL", confidence: null, extractedText: null, extractedHeadline: null, moved: false }]);
    setSelected(key);
    setDrawing(false);
  }

  function setBox(region: Region, field: "x" | "y" | "w" | "h", percent: number) {
    if (!Number.isFinite(percent)) return;
    const box = { ...boundsOf(region.polygon), [field]: Math.min(100, Math.max(0, percent)) / 100 };
    change(regions.map((item) => (item.key === region.key ? { ...item, polygon: rectangle(box) } : item)));
  }

  function save() {
    setMessage(null);
    startTransition(async () => {
      const result = await props.save({
        pageId: props.pageId,
        regions: regions.map((region) => ({ id: region.id, polygon: region.polygon, placementId: region.placementId })),
        baseVersion,
      });
      setMessage({ ok: Boolean(result.ok), text: result.message ?? (result.ok ? t.saved : "") });
      if (result.ok) {
        setDirty(false);
        router.refresh();
      }
    });
  }

  function createStory(region: Region) {
    if (!region.id || dirty) {
      setMessage({ ok: false, text: t.createNeedsSave });
      return;
    }
    const regionId = region.id;
    setMessage(null);
    startTransition(async () => {
      const result = await props.createStory({ regionId });
      setMessage({ ok: Boolean(result.ok), text: result.message ?? "", articleId: result.data?.articleId });
      if (result.ok) router.refresh();
    });
  }

  return (
    <section aria-labelledby={`${listId}-heading`} className="mt-6">
      <h2 id={`${listId}-heading`} className="text-lg font-bold">
        {t.heading}
      </h2>
      <div className="mt-2 flex flex-wrap items-center gap-2" role="toolbar" aria-label={t.heading}>
        <button type="button" onClick={() => addRegion(rectangle({ x: 0.4, y: 0.4, w: 0.2, h: 0.15 }))} className="rounded border border-neutral-400 px-3 py-1">
          {t.add}
        </button>
        {props.image && (
          <button type="button" aria-pressed={drawing} onClick={() => setDrawing(!drawing)} className="rounded border border-neutral-400 px-3 py-1 aria-pressed:bg-neutral-900 aria-pressed:text-white">
            {drawing ? t.cancelDraw : t.draw}
          </button>
        )}
        <button type="button" onClick={undo} disabled={history.length === 0} aria-keyshortcuts="Control+Z" title={t.undoHint} className="rounded border border-neutral-400 px-3 py-1 disabled:opacity-50">
          {t.undo}
        </button>
        <button type="button" onClick={save} disabled={pending} className="rounded bg-brand px-3 py-1 text-white hover:bg-brand-dark disabled:opacity-60">
          {pending ? t.saving : t.save}
        </button>
        <span className="text-sm text-neutral-700">{dirty ? t.unsaved : ""}</span>
      </div>
      {changedOnServer && (
        <div role="alert" className="mt-2 flex flex-wrap items-center gap-2 rounded border border-amber-400 bg-amber-50 p-2 text-sm text-amber-950">
          {t.changedOnServer}
          <button type="button" onClick={loadStored} className="rounded border border-amber-700 px-2 py-0.5">
            {t.reload}
          </button>
        </div>
      )}
      <p role="status" aria-live="polite" className={`mt-2 min-h-6 text-sm ${message && !message.ok ? "font-medium text-red-800" : "text-green-800"}`}>
        {drawing ? t.drawing : message?.text}
        {message?.articleId && (
          <>
            {" "}
            <Link href={`/admin/stories/${message.articleId}`} className="text-brand underline">
              {t.openStory}
            </Link>
          </>
        )}
      </p>
      <p className="text-sm text-neutral-700">{t.keyboardHint}</p>

      <div className="mt-3 grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div>
          {props.image ? (
            <RegionCanvas
              image={{ ...props.image, alt: t.image(props.pageNumber) }}
              regions={regions.map((region, index) => ({ key: region.key, polygon: region.polygon, state: stateOf(region), label: `${t.region(index + 1)}：${placementLabel(region.placementId)}` }))}
              selected={selected}
              drawing={drawing}
              onSelect={setSelected}
              onStart={checkpoint}
              onChange={(key, polygon) => setRegions((current) => current.map((item) => (item.key === key ? { ...item, polygon } : item)))}
              onDraw={addRegion}
            />
          ) : (
            <p className="rounded border border-neutral-300 bg-neutral-50 p-6">{t.noImage}</p>
          )}
          <ul aria-label={t.legend} className="mt-2 flex flex-wrap gap-4 text-sm">
            {(["matched", "unmatched", "moved"] as const).map((state) => (
              <li key={state} className="flex items-center gap-1">
                <span aria-hidden="true" className="inline-block h-3 w-5 border-2" style={{ borderColor: REGION_COLOURS[state].stroke, background: REGION_COLOURS[state].fill }} />
                {t[state]}
              </li>
            ))}
          </ul>
        </div>

        <div>
          <h3 className="font-bold">{t.listHeading}</h3>
          {regions.length === 0 && <p className="mt-2 text-sm">{t.empty}</p>}
          <ol className="mt-2 space-y-3">
            {regions.map((region, index) => {
              const box = boundsOf(region.polygon);
              const number = index + 1;
              const state = stateOf(region);
              return (
                <li
                  key={region.key}
                  data-region={region.key}
                  className={`rounded border-l-4 bg-white p-3 shadow-sm ${selected === region.key ? "ring-2 ring-neutral-900" : ""}`}
                  style={{ borderLeftColor: REGION_COLOURS[state].stroke }}
                >
                  <fieldset onFocus={() => setSelected(region.key)}>
                    <legend className="font-medium">
                      {t.region(number)} · {t[state]} · {region.source === "AUTO" ? t.auto : t.manual}
                      {region.confidence != null && ` · ${t.confidence(Math.round(region.confidence * 100))}`}
                    </legend>
                    <label className="mt-2 block text-sm">
                      {t.story}
                      <select
                        value={region.placementId ?? ""}
                        onChange={(event) => change(regions.map((item) => (item.key === region.key ? { ...item, placementId: event.target.value || null } : item)))}
                        className="mt-1 block w-full rounded border border-neutral-400 px-2 py-1"
                      >
                        <option value="">{t.noStory}</option>
                        {props.placements.map((placement) => (
                          <option key={placement.id} value={placement.id}>
                            {placement.label}
                          </option>
                        ))}
                      </select>
                    </label>
                    <div className="mt-2 grid grid-cols-4 gap-2">
                      {(["x", "y", "w", "h"] as const).map((field) => (
                        <label key={field} className="text-xs">
                          {t[field]}
                          <input
                            type="number"
                            min={0}
                            max={100}
                            step={0.1}
                            value={Math.round(box[field] * 1000) / 10}
                            onChange={(event) => setBox(region, field, event.currentTarget.valueAsNumber)}
                            className="mt-1 block w-full rounded border border-neutral-400 px-1 py-1 text-sm"
                          />
                        </label>
                      ))}
                    </div>
                    {!isRectangle(region.polygon) && <p className="mt-1 text-xs text-neutral-700">{t.polygonNote(region.polygon.length)}</p>}
                    {region.extractedText && (
                      <details className="mt-2 text-sm">
                        <summary>{t.extracted}</summary>
                        <p className="mt-1 whitespace-pre-line text-neutral-800">{region.extractedText}</p>
                      </details>
                    )}
                    <div className="mt-2 flex flex-wrap gap-2">
                      {!region.placementId && (region.extractedText || region.extractedHeadline) && (
                        <button type="button" onClick={() => createStory(region)} disabled={pending} className="rounded border border-neutral-400 px-2 py-1 text-sm">
                          {t.createStory}
                        </button>
                      )}
                      <button
                        type="button"
                        onClick={() => change(regions.filter((item) => item.key !== region.key))}
                        className="rounded border border-red-700 px-2 py-1 text-sm text-red-800"
                      >
                        {t.remove(number)}
                      </button>
                    </div>
                  </fieldset>
                </li>
              );
            })}
          </ol>
        </div>
      </div>
    </section>
  );
}
