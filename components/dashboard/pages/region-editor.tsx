"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useState, useTransition } from "react";
import type { ActionState } from "@/lib/actions/run-action";
import type { TextLayerIssue } from "@/lib/db/generated/enums";
import { pageMessages } from "@/lib/i18n/messages/pages";
import type { EditorRegion } from "@/lib/pages/load-page-editor";
import { nextRegionNumber } from "@/lib/pages/region-numbers";
import { boundsOf, rectangle, type Polygon } from "@/lib/pages/region-schema";
import { RegionCanvas, RegionLegend } from "./region-canvas";
import { RegionListItem, regionName, regionState, type EditorPlacement, type ListRegion } from "./region-list-item";
import { TextLayerNotice } from "./text-layer-notice";

/** A region as the editor holds it: a new one has no id and no number yet (it is given one on save). */
type Region = Omit<ListRegion, "number"> & { number?: number };

export interface RegionEditorProps {
  pageId: string;
  pageNumber: string;
  locale: "zh-CN" | "en";
  image: { src: string; srcSet: string; width: number; height: number } | null;
  placements: EditorPlacement[];
  regions: EditorRegion[];
  /** Why the PDF's text cannot anchor regions: the editor is told to draw them by hand. */
  textLayerIssue: TextLayerIssue | null;
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
 * Regions are listed by their number, which stays with them; a new one shows
 * the number the save will give it (the next after the highest stored one).
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

  // New regions are numbered as their save will number them: in list order, after the highest stored number.
  let nextNumber = nextRegionNumber([...props.regions, ...regions.flatMap((region) => (region.number ? [{ number: region.number }] : []))]);
  const numbered: ListRegion[] = regions.map((region) => ({ ...region, number: region.number ?? nextNumber++ }));
  const update = (key: string, changes: Partial<Region>) => change(regions.map((item) => (item.key === key ? { ...item, ...changes } : item)));

  function addRegion(polygon: Polygon) {
    const key = `new-${++newKeys}`;
    change([...regions, { key, polygon, placementId: null, source: "MANUAL", confidence: null, extractedText: null, extractedHeadline: null, moved: false }]);
    setSelected(key);
    setDrawing(false);
  }

  function setBox(region: Region, field: "x" | "y" | "w" | "h", percent: number) {
    if (!Number.isFinite(percent)) return;
    const box = { ...boundsOf(region.polygon), [field]: Math.min(100, Math.max(0, percent)) / 100 };
    update(region.key, { polygon: rectangle(box) });
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
      {props.textLayerIssue && <TextLayerNotice issue={props.textLayerIssue} locale={props.locale} />}
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
              regions={numbered.map((region) => ({ key: region.key, number: region.number, polygon: region.polygon, state: regionState(region), label: regionName(region, props.placements, t) }))}
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
          <RegionLegend t={t} />
        </div>

        <div>
          <h3 className="font-bold">{t.listHeading}</h3>
          {regions.length === 0 && <p className="mt-2 text-sm">{t.empty}</p>}
          <ol className="mt-2 space-y-3">
            {numbered.map((region) => (
              <RegionListItem
                key={region.key}
                region={region}
                placements={props.placements}
                selected={selected === region.key}
                pending={pending}
                t={t}
                onFocus={() => setSelected(region.key)}
                onAssign={(placementId) => update(region.key, { placementId })}
                onBox={(field, percent) => setBox(region, field, percent)}
                onCreateStory={() => createStory(region)}
                onRemove={() => change(regions.filter((item) => item.key !== region.key))}
              />
            ))}
          </ol>
        </div>
      </div>
    </section>
  );
}
