import { can, type Action, type Actor } from "@/lib/auth/permissions";
import type { ArticleStatus } from "@/lib/db/generated/enums";
import { isOwner, type StoryAccessFacts } from "./story-access";

// The workflow of a story as a state machine: every allowed move, the
// permission it needs, and whether the story's own reporter may make it.
//
//   草稿 DRAFT → 已提交 SUBMITTED → 编辑中 EDITING → 待发 READY → 已发布 PUBLISHED
//   撤稿 KILLED from any state (editors), and back to DRAFT from KILLED.

export type StoryTransition = "submit" | "recall" | "startEditing" | "returnToReporter" | "markReady" | "reopen" | "publish" | "kill" | "revive";

interface TransitionRule {
  from: readonly ArticleStatus[];
  to: ArticleStatus;
  action: Action;
  /** The story's own reporter may make this move with only "story.editOwn". */
  owner?: boolean;
}

export const transitions: Record<StoryTransition, TransitionRule> = {
  submit: { from: ["DRAFT"], to: "SUBMITTED", action: "story.submit", owner: true },
  /** The reporter takes a submitted story back before the desk starts on it. */
  recall: { from: ["SUBMITTED"], to: "DRAFT", action: "story.submit", owner: true },
  startEditing: { from: ["SUBMITTED"], to: "EDITING", action: "story.review" },
  returnToReporter: { from: ["SUBMITTED", "EDITING"], to: "DRAFT", action: "story.review" },
  markReady: { from: ["SUBMITTED", "EDITING"], to: "READY", action: "story.review" },
  reopen: { from: ["READY"], to: "EDITING", action: "story.review" },
  publish: { from: ["READY"], to: "PUBLISHED", action: "story.publish" },
  kill: { from: ["DRAFT", "SUBMITTED", "EDITING", "READY", "PUBLISHED"], to: "KILLED", action: "story.kill" },
  revive: { from: ["KILLED"], to: "DRAFT", action: "story.kill" },
};

export const transitionNames = Object.keys(transitions) as StoryTransition[];

/** May this actor make this move on this story (ignoring its current status)? */
export function mayTransition(actor: Actor, story: StoryAccessFacts, transition: StoryTransition): boolean {
  const rule = transitions[transition];
  if (!can(actor.role, rule.action)) return false;
  // Submitting and recalling are for the story's reporter, or for the desk.
  if (rule.owner) return isOwner(actor, story) || can(actor.role, "story.editAny");
  return true;
}

/** The moves open to this actor from the story's current status, in workflow order. */
export function availableTransitions(actor: Actor, story: StoryAccessFacts): StoryTransition[] {
  return transitionNames.filter((name) => transitions[name].from.includes(story.status) && mayTransition(actor, story, name));
}
