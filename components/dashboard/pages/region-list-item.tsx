"use client";

import type { PageMessages } from "@/lib/i18n/messages/pages";
import type { EditorRegion } from "@/lib/pages/load-page-editor";
import { boundsOf, isRectangle } from "@/lib/pages/region-schema";
import { REGION_COLOURS, type RegionState } from "./region-canvas";

export interface ListRegion extends Omit<EditorRegion, "id"> {
  /** The stored region's id; absent until a new region is saved. */
  id?: string;
  key: string;
}

export interface EditorPlacement {
  id: string;
  articleId: string;
  /** The option's text: position, headline, status. */
  label: string;
  headline: string;
}

type Messages = PageMessages["editor"];

export function regionState(region: ListRegion): RegionState {
  return region.moved ? "moved" : region.placementId ? "matched" : "unmatched";
}

/**
 * What the list and the page image call a region: "热区 3 · 《headline》" for one
 * assigned to a story, "热区 4 · 未指定 · 识别标题：…" (or 未指定稿件) for one that is
 * not; a number not yet saved is marked provisional.
 */
export function regionName(region: ListRegion, placements: readonly EditorPlacement[], t: Messages): string {
  const placement = region.placementId ? placements.find((candidate) => candidate.id === region.placementId) : undefined;
  const story = placement ? t.assigned(placement.headline) : region.extractedHeadline ? t.unassignedFound(region.extractedHeadline) : t.unassigned;
  return `${t.region(region.number)}${region.id ? "" : t.unsavedNumber} · ${story}${region.moved ? ` · ${t.moved}` : ""}`;
}

/** One region of the list: the keyboard path to everything the page image does. */
export function RegionListItem(props: {
  region: ListRegion;
  placements: readonly EditorPlacement[];
  selected: boolean;
  pending: boolean;
  t: Messages;
  onFocus: () => void;
  onAssign: (placementId: string | null) => void;
  onBox: (field: "x" | "y" | "w" | "h", percent: number) => void;
  onCreateStory: () => void;
  onRemove: () => void;
}) {
  const { region, t } = props;
  const box = boundsOf(region.polygon);
  const state = regionState(region);
  return (
    <li data-region={region.key} data-region-number={region.number} className={`rounded border-l-4 bg-white p-3 shadow-sm ${props.selected ? "ring-2 ring-neutral-900" : ""}`} style={{ borderLeftColor: REGION_COLOURS[state].stroke }}>
      <fieldset onFocus={props.onFocus}>
        <legend className="font-medium">{regionName(region, props.placements, t)}</legend>
        <p className="text-xs text-neutral-700">
          {region.source === "AUTO" ? t.auto : t.manual}
          {region.confidence != null && ` · ${t.confidence(Math.round(region.confidence * 100))}`}
        </p>
        <label className="mt-2 block text-sm">
          {t.story}
          <select value={region.placementId ?? ""} onChange={(event) => props.onAssign(event.target.value || null)} className="mt-1 block min-h-9 w-full rounded border border-neutral-400 px-2 py-1">
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
                onChange={(event) => props.onBox(field, event.currentTarget.valueAsNumber)}
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
            <button type="button" onClick={props.onCreateStory} disabled={props.pending} className="rounded border border-neutral-400 px-2 py-1 text-sm">
              {t.createStory}
            </button>
          )}
          <button type="button" onClick={props.onRemove} className="rounded border border-red-700 px-2 py-1 text-sm text-red-800">
            {t.remove(region.number)}
          </button>
        </div>
      </fieldset>
    </li>
  );
}
