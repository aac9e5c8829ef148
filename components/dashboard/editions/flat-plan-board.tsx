"use client";

import {
  closestCorners,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import Link from "next/link";
import { continueStoryAction, moveStoryAction, placeStoryAction, unplaceStoryAction } from "@/app/(dashboard)/admin/(staff)/editions/[date]/actions";
import type { MissingItem, PlanPage } from "@/lib/editions/plan/load-flat-plan";
import { editionMessages } from "@/lib/i18n/messages/editions";
import { containerId, dropTarget, locate, moveLocally, placedId, UNPLACED, unplacedId, type BoardState, type PlanRunner } from "./plan-model";
import { StoryCard, type StoryCommands } from "./story-card";

type Messages = (typeof editionMessages)["zh-CN"];

/** The tiles of every page and the stories planned for the date, with drag and drop between them. */
export function FlatPlanBoard(props: { date: string; board: BoardState; locale: "zh-CN" | "en"; run: PlanRunner; editable: boolean }) {
  const { board, run, locale, editable } = props;
  const t = editionMessages[locale];
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const pageById = new Map(board.pages.map((page) => [page.id, page]));

  /** A story (dnd id) to `index` of a page or back to the unplaced list, through the matching action. */
  const moveStory = (id: string, container: string, index: number) => {
    const from = locate(board, id);
    if (!from) return;
    const headline = from.story.headline;
    const optimistic = (state: BoardState) => moveLocally(state, id, container, index);
    if (container === UNPLACED) {
      if (from.placed && "placementId" in from.story) {
        const placementId = from.story.placementId;
        run(() => unplaceStoryAction({ placementId }), t.announce.unplacedDone(headline), optimistic);
      }
      return;
    }
    const page = pageById.get(container);
    if (!page) return;
    if (from.container === container && from.index === index) return;
    const position = index + 1;
    const success = t.announce.placed(headline, page.number, position);
    if (from.placed && "placementId" in from.story) {
      const placementId = from.story.placementId;
      run(() => moveStoryAction({ placementId, pageId: container, position }), success, optimistic);
    } else {
      const articleId = from.story.articleId;
      run(() => placeStoryAction({ pageId: container, articleId, position }), success, optimistic);
    }
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over) return;
    const overId = String(over.id);
    const target = dropTarget(board, overId);
    const from = locate(board, String(active.id));
    if (!target || !from) return;
    // On a story: take its place (same list) or go before it (another list). On a list itself: its end.
    const overIsList = overId === UNPLACED || overId.startsWith("page:");
    const index = from.container === target.container && overIsList ? Math.max(target.index - 1, 0) : target.index;
    moveStory(String(active.id), target.container, index);
  };

  const describe = (id: UniqueIdentifier | undefined): string => {
    if (id === undefined) return "";
    const key = String(id);
    if (key === UNPLACED) return t.announce.unplacedArea;
    if (key.startsWith("page:")) {
      const page = pageById.get(key.slice(5));
      return page ? t.tile.open(page.number, page.name) : "";
    }
    const located = locate(board, key);
    if (!located) return "";
    if (located.container === UNPLACED) return `“${located.story.headline}”`;
    const page = pageById.get(located.container);
    return page ? `${page.number} · ${located.index + 1}. “${located.story.headline}”` : "";
  };
  const headlineOf = (id: UniqueIdentifier) => locate(board, String(id))?.story.headline ?? "";
  const announcements: Announcements = {
    onDragStart: ({ active }) => t.announce.pickedUp(headlineOf(active.id)),
    onDragOver: ({ active, over }) => (over ? t.announce.over(headlineOf(active.id), describe(over.id)) : undefined),
    onDragEnd: ({ active, over }) => (over ? t.announce.dropped(headlineOf(active.id), describe(over.id)) : t.announce.cancelled(headlineOf(active.id))),
    onDragCancel: ({ active }) => t.announce.cancelled(headlineOf(active.id)),
  };

  const commandsFor = (page: PlanPage, index: number): StoryCommands => {
    const story = page.stories[index]!;
    const id = placedId(story.placementId);
    return {
      shift: (direction) => moveStory(id, page.id, index + direction),
      moveTo: (pageId) => moveStory(id, pageId, pageById.get(pageId)?.stories.length ?? 0),
      continueOn: (pageId) => {
        const target = pageById.get(pageId);
        if (target) run(() => continueStoryAction({ articleId: story.articleId, pageId }), t.announce.continued(story.headline, target.number));
      },
      unplace: () => moveStory(id, UNPLACED, board.unplaced.length),
    };
  };

  return (
    <DndContext
      id="flat-plan"
      sensors={sensors}
      collisionDetection={closestCorners}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t.announce.instructions } }}
    >
      {editable && <p className="mt-4 text-sm text-neutral-700">{t.plan.dragHint}</p>}
      <section aria-labelledby="unplaced-heading" className="mt-4 rounded border border-neutral-200 bg-white p-4">
        <h2 id="unplaced-heading" className="text-lg font-bold">
          {t.unplaced.heading}
        </h2>
        <StoryList container={UNPLACED} items={board.unplaced.map((story) => unplacedId(story.articleId))} label={t.unplaced.heading} emptyText={t.unplaced.empty}>
          {board.unplaced.map((story, index) => (
            <StoryCard
              key={story.articleId}
              dndId={unplacedId(story.articleId)}
              story={story}
              pages={board.pages}
              index={index}
              count={board.unplaced.length}
              locale={locale}
              editable={editable}
              commands={{ moveTo: (pageId) => moveStory(unplacedId(story.articleId), pageId, pageById.get(pageId)?.stories.length ?? 0) }}
            />
          ))}
        </StoryList>
      </section>
      <h2 className="mt-6 text-lg font-bold">{t.plan.tiles}</h2>
      <ol className="mt-2 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {board.pages.map((page) => (
          <li key={page.id}>
            <PageTile date={props.date} page={page} t={t}>
              <StoryList container={page.id} items={page.stories.map((story) => placedId(story.placementId))} label={t.tile.stories(page.number)} emptyText={t.tile.empty}>
                {page.stories.map((story, index) => (
                  <StoryCard
                    key={story.placementId}
                    dndId={placedId(story.placementId)}
                    story={story}
                    pages={board.pages}
                    pageId={page.id}
                    index={index}
                    count={page.stories.length}
                    locale={locale}
                    editable={editable}
                    commands={commandsFor(page, index)}
                  />
                ))}
              </StoryList>
            </PageTile>
          </li>
        ))}
      </ol>
    </DndContext>
  );
}

/** A sortable list that is also a drop target when empty (or dropped on below its stories). */
function StoryList(props: { container: string; items: string[]; label: string; emptyText: string; children: React.ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: props.container === UNPLACED ? UNPLACED : containerId(props.container) });
  return (
    <SortableContext id={props.container} items={props.items} strategy={verticalListSortingStrategy}>
      <ul ref={setNodeRef} aria-label={props.label} className={`mt-2 grid min-h-12 gap-2 rounded p-1 ${isOver ? "bg-brand/10" : ""}`}>
        {props.children}
        {props.items.length === 0 && <li className="p-2 text-sm text-neutral-700">{props.emptyText}</li>}
      </ul>
    </SortableContext>
  );
}

function missingText(item: MissingItem, t: Messages): string {
  switch (item.kind) {
    case "noPdf":
      return t.tile.noPdf;
    case "renderPending":
      return t.tile.renderPending;
    case "renderFailed":
      return t.tile.renderFailed(item.error);
    case "textUnusable":
      return t.tile.textUnusable[item.issue];
    case "noStories":
      return t.tile.noStories;
    case "notReady":
      return t.tile.notReady(item.headlines);
    case "noByline":
      return t.tile.noByline(item.headlines);
  }
}

/** One page of the flat plan: number and name (link to the page editor), thumbnail, stories, what is missing. */
function PageTile(props: { date: string; page: PlanPage; t: Messages; children: React.ReactNode }) {
  const { page, t } = props;
  const headingId = `tile-${page.id}`;
  return (
    <section aria-labelledby={headingId} className="flex h-full flex-col rounded border border-neutral-300 bg-neutral-50 p-3">
      <h3 id={headingId} className="text-base font-bold">
        <Link href={`/admin/editions/${props.date}/pages/${page.number}`} className="hover:underline" title={t.tile.openLabel(page.number)}>
          {t.tile.open(page.number, page.name)}
        </Link>
        {page.status === "WITHDRAWN" && <span className="ml-2 rounded bg-red-100 px-1.5 text-sm font-normal text-red-900">{t.tile.withdrawn}</span>}
      </h3>
      <div className="mt-2 flex gap-3">
        {page.thumbnail ? (
          <img src={page.thumbnail.url} width={page.thumbnail.width} height={page.thumbnail.height} alt={t.tile.thumbnailAlt(page.number)} className="h-auto w-24 shrink-0 border border-neutral-300 bg-white" loading="lazy" />
        ) : (
          <div className="flex aspect-[3/4] w-24 shrink-0 items-center justify-center border border-dashed border-neutral-400 bg-white p-1 text-center text-xs text-neutral-700">{t.tile.noThumbnail}</div>
        )}
        <div className="min-w-0 flex-1 text-xs">
          {page.missing.length === 0 ? (
            <p className="text-green-800">{t.tile.complete}</p>
          ) : (
            <>
              <p className="font-medium text-amber-950">{t.tile.missing}</p>
              <ul className="mt-1 list-disc pl-4 text-amber-950">
                {page.missing.map((item) => (
                  <li key={item.kind}>{missingText(item, t)}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
      {props.children}
    </section>
  );
}
