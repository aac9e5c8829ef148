"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import Link from "next/link";
import { useId, useState } from "react";
import type { PlacedStory, PlanPage, UnplacedStory } from "@/lib/editions/plan/load-flat-plan";
import { editionMessages } from "@/lib/i18n/messages/editions";
import { dashboardMessages } from "@/lib/i18n/dashboard-messages";

const button = "rounded border border-neutral-400 bg-white px-2 py-0.5 text-xs hover:bg-neutral-100 disabled:opacity-50";
const select = "rounded border border-neutral-300 bg-white px-1 py-0.5 text-xs";

export interface StoryCommands {
  /** Same page, one up or down. */
  shift?: (direction: -1 | 1) => void;
  /** To another page (placed: move; unplaced: place). */
  moveTo: (pageId: string) => void;
  /** 转版: continue on another page. */
  continueOn?: (pageId: string) => void;
  unplace?: () => void;
}

/** One story on a tile or in the unplaced list: what it is, a drag handle, and the same moves as buttons. */
export function StoryCard(props: {
  dndId: string;
  story: PlacedStory | UnplacedStory;
  pages: PlanPage[];
  /** The page it is on (placed stories). */
  pageId?: string;
  index: number;
  count: number;
  locale: "zh-CN" | "en";
  editable: boolean;
  commands: StoryCommands;
}) {
  const { story, commands, locale } = props;
  const t = editionMessages[locale].story;
  const u = editionMessages[locale].unplaced;
  const statusNames = dashboardMessages(locale).articleStatus;
  const placed = "placementId" in story;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: props.dndId, disabled: !props.editable });
  const [target, setTarget] = useState("");
  const [continueTarget, setContinueTarget] = useState("");
  const ids = useId();
  const headline = story.headline || "—";
  const partsOn = placed ? story.parts.map((part) => part.pageNumber) : [];
  const otherPages = props.pages.filter((page) => page.id !== props.pageId);
  const continuePages = placed ? props.pages.filter((page) => !story.parts.some((part) => part.pageNumber === page.number)) : [];
  const ready = story.status === "READY" || story.status === "PUBLISHED";

  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`rounded border bg-white p-2 text-sm ${isDragging ? "border-brand opacity-60" : "border-neutral-300"}`}
      aria-labelledby={`${ids}-headline`}
    >
      <div className="flex items-start gap-2">
        {props.editable && (
          <button
            type="button"
            ref={setActivatorNodeRef}
            {...attributes}
            {...listeners}
            aria-label={t.dragHandle(headline)}
            className="cursor-grab touch-none rounded px-1 text-neutral-600 hover:bg-neutral-100"
          >
            <span aria-hidden="true">⠿</span>
          </button>
        )}
        <div className="min-w-0 flex-1">
          <p id={`${ids}-headline`} className="font-medium">
            {placed && <span className="mr-1 tabular-nums text-neutral-600">{props.index + 1}.</span>}
            <Link href={`/admin/stories/${story.articleId}`} className="hover:underline">
              {headline}
            </Link>
          </p>
          <p className="mt-0.5 flex flex-wrap gap-x-2 text-xs text-neutral-700">
            <span className={`rounded px-1 ${ready ? "bg-green-100 text-green-900" : "bg-amber-100 text-amber-950"}`}>{statusNames[story.status]}</span>
            <span>{t.words(story.wordCount)}</span>
            {story.photoCount > 0 && <span>{t.photos(story.photoCount)}</span>}
            <span>{story.bylines.length ? story.bylines.join(" ") : story.noByline ? t.printedWithoutByline : t.noByline}</span>
            {placed && story.part > 1 && <span>{t.continuedFrom(partsOn[story.part - 2] ?? "")}</span>}
            {placed && story.part < partsOn.length && <span>{t.continuedTo(partsOn.slice(story.part).join("、"))}</span>}
            {!placed && story.plannedPageName && <span>{u.planned(story.plannedPageName)}</span>}
          </p>
        </div>
      </div>
      {props.editable && (
        <div role="group" aria-label={t.controls(headline)} className="mt-2 flex flex-wrap items-center gap-1">
          {commands.shift && (
            <>
              <button type="button" className={button} disabled={props.index === 0} aria-label={t.upOf(headline)} onClick={() => commands.shift?.(-1)}>
                {t.up}
              </button>
              <button type="button" className={button} disabled={props.index >= props.count - 1} aria-label={t.downOf(headline)} onClick={() => commands.shift?.(1)}>
                {t.down}
              </button>
            </>
          )}
          <select className={select} aria-label={placed ? t.moveToOf(headline) : u.placeOnOf(headline)} value={target || (!placed && "suggestedPageId" in story ? (story.suggestedPageId ?? "") : "")} onChange={(event) => setTarget(event.target.value)}>
            <option value="">{placed ? t.moveTo : u.placeOn}</option>
            {otherPages.map((page) => (
              <option key={page.id} value={page.id}>
                {page.number} {page.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className={button}
            aria-label={placed ? t.moveOf(headline) : u.placeOf(headline)}
            onClick={() => {
              const chosen = target || (!placed && "suggestedPageId" in story ? (story.suggestedPageId ?? "") : "");
              if (chosen) commands.moveTo(chosen);
            }}
          >
            {placed ? t.move : u.place}
          </button>
          {commands.continueOn && continuePages.length > 0 && (
            <>
              <select className={select} aria-label={t.continueToOf(headline)} value={continueTarget} onChange={(event) => setContinueTarget(event.target.value)}>
                <option value="">{t.continueTo}</option>
                {continuePages.map((page) => (
                  <option key={page.id} value={page.id}>
                    {page.number} {page.name}
                  </option>
                ))}
              </select>
              <button type="button" className={button} aria-label={t.continueOf(headline)} onClick={() => continueTarget && commands.continueOn?.(continueTarget)}>
                {t.continue}
              </button>
            </>
          )}
          {commands.unplace && (
            <button type="button" className={`${button} text-red-800`} aria-label={t.unplaceOf(headline)} onClick={commands.unplace}>
              {t.unplace}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
