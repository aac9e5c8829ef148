import type { ActionState } from "@/lib/actions/run-action";
import type { PlacedStory, PlanPage, UnplacedStory } from "@/lib/editions/plan/load-flat-plan";

// The flat plan's client state and the optimistic moves applied to it while a
// server action runs (the server's answer replaces it).

export interface BoardState {
  pages: PlanPage[];
  unplaced: UnplacedStory[];
}

/** Runs one planning action: optional optimistic change, then the result announced. */
export type PlanRunner = (
  call: () => Promise<ActionState<unknown>>,
  success: string | ((data: unknown) => string),
  optimistic?: (state: BoardState) => BoardState,
) => void;

export const UNPLACED = "unplaced";

/** dnd-kit ids: a placement, or a story not placed yet. */
export const placedId = (placementId: string) => `p:${placementId}`;
export const unplacedId = (articleId: string) => `a:${articleId}`;
export const containerId = (pageId: string) => `page:${pageId}`;

export type Located = { container: string; index: number; story: PlacedStory | UnplacedStory; placed: boolean };

/** Where an item (story id as used by dnd-kit) is now. */
export function locate(state: BoardState, id: string): Located | null {
  for (const page of state.pages) {
    const index = page.stories.findIndex((story) => placedId(story.placementId) === id);
    if (index >= 0) return { container: page.id, index, story: page.stories[index]!, placed: true };
  }
  const index = state.unplaced.findIndex((story) => unplacedId(story.articleId) === id);
  if (index >= 0) return { container: UNPLACED, index, story: state.unplaced[index]!, placed: false };
  return null;
}

/** The container (page id or UNPLACED) a drop target id stands for, and the index in it. */
export function dropTarget(state: BoardState, overId: string): { container: string; index: number } | null {
  if (overId === UNPLACED) return { container: UNPLACED, index: state.unplaced.length };
  if (overId.startsWith("page:")) {
    const pageId = overId.slice(5);
    const page = state.pages.find((candidate) => candidate.id === pageId);
    return page ? { container: pageId, index: page.stories.length } : null;
  }
  const located = locate(state, overId);
  return located ? { container: located.container, index: located.index } : null;
}

/** The state with a story moved to `index` of `container` (optimistic; the server renumbers). */
export function moveLocally(state: BoardState, id: string, container: string, index: number): BoardState {
  const from = locate(state, id);
  if (!from) return state;
  const pages = state.pages.map((page) => ({ ...page, stories: page.stories.filter((story) => placedId(story.placementId) !== id) }));
  let unplaced = state.unplaced.filter((story) => unplacedId(story.articleId) !== id);
  if (container === UNPLACED) {
    if (from.placed && (from.story as PlacedStory).part === 1) unplaced = [...unplaced, { ...from.story, plannedPageName: null, suggestedPageId: null }];
    return { pages, unplaced };
  }
  const placed: PlacedStory = from.placed
    ? (from.story as PlacedStory)
    : { ...from.story, placementId: `pending-${from.story.articleId}`, position: 0, part: 1, parts: [] };
  return {
    unplaced,
    pages: pages.map((page) => {
      if (page.id !== container) return page;
      const stories = [...page.stories];
      stories.splice(Math.min(index, stories.length), 0, placed);
      return { ...page, stories: stories.map((story, at) => ({ ...story, position: at + 1 })) };
    }),
  };
}
