"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formObject, runAction, type ActionState } from "@/lib/actions/run-action";
import { getDb } from "@/lib/db/client";
import { updatePhotoMetadata } from "@/lib/media/photos/update-photo";
import { correctStory } from "@/lib/stories/correct-story";
import { createStory } from "@/lib/stories/create-story";
import { loadStoryEditor } from "@/lib/stories/load-story-editor";
import { leavePresence, touchPresence } from "@/lib/stories/presence";
import { restoreRevision } from "@/lib/stories/revisions";
import { saveStory, setStoryPhotos } from "@/lib/stories/save-story";
import { StoryConflictError, type StoryConflictDetails } from "@/lib/stories/story-conflict";
import { storyContentSchema, storyPhotoSchema } from "@/lib/stories/story-content";
import { transitionNames } from "@/lib/stories/story-workflow";
import { transitionStory } from "@/lib/stories/transition-story";

// Thin server actions for the story editor: each validates with zod and calls
// one domain function in lib/stories, which checks permissions itself.

export type SaveResult = { saved: { version: number; wordCount: number; updatedAt: string } } | { conflict: StoryConflictDetails };

const storyId = z.uuid();
const version = z.number().int().min(1);

/** A save that met a newer version returns it (for the conflict dialog) instead of failing. */
async function orConflict(save: () => Promise<{ version: number; wordCount: number; updatedAt: Date }>): Promise<SaveResult> {
  try {
    const saved = await save();
    return { saved: { version: saved.version, wordCount: saved.wordCount, updatedAt: saved.updatedAt.toISOString() } };
  } catch (error) {
    if (error instanceof StoryConflictError) return { conflict: error.current };
    throw error;
  }
}

export async function createStoryAction(_state: ActionState, _form: FormData): Promise<ActionState> {
  const result = await runAction({ schema: z.object({}), input: {}, run: (user) => createStory({ db: getDb(), actor: user }) });
  if (result.ok && result.data) redirect(`/admin/stories/${result.data.id}`);
  return { ok: false, message: result.message };
}

export async function saveStoryAction(input: { storyId: string; baseVersion: number; content: unknown }): Promise<ActionState<SaveResult>> {
  return runAction({
    schema: z.object({ storyId, baseVersion: version, content: storyContentSchema }),
    input,
    run: (user, data) => orConflict(() => saveStory({ db: getDb(), actor: user, storyId: data.storyId, baseVersion: data.baseVersion, content: data.content })),
  });
}

export async function setStoryPhotosAction(input: { storyId: string; baseVersion: number; photos: unknown }): Promise<ActionState<SaveResult>> {
  return runAction({
    schema: z.object({ storyId, baseVersion: version, photos: z.array(storyPhotoSchema).max(50) }),
    input,
    run: (user, data) => orConflict(() => setStoryPhotos({ db: getDb(), actor: user, ...data })),
  });
}

export async function correctStoryAction(input: { storyId: string; baseVersion: number; content: unknown; correction: string }): Promise<ActionState<SaveResult>> {
  return runAction({
    schema: z.object({ storyId, baseVersion: version, content: storyContentSchema, correction: z.string().max(2000) }),
    input,
    run: (user, data) => orConflict(() => correctStory({ db: getDb(), actor: user, ...data })),
    success: (m) => m.stories.correction.done,
  });
}

export async function transitionStoryAction(input: { storyId: string; transition: string; note?: string }): Promise<ActionState> {
  return runAction({
    schema: z.object({ storyId, transition: z.enum(transitionNames), note: z.string().max(500).optional() }),
    input,
    run: async (user, data) => {
      await transitionStory({ db: getDb(), actor: user, ...data });
    },
    success: (m) => m.stories.workflow.done,
  });
}

export async function touchPresenceAction(input: { storyId: string }) {
  return runAction({ schema: z.object({ storyId }), input, run: (user, data) => touchPresence({ db: getDb(), actor: user, ...data }) });
}

export async function leavePresenceAction(input: { storyId: string }) {
  return runAction({ schema: z.object({ storyId }), input, run: (user, data) => leavePresence({ db: getDb(), actor: user, ...data }) });
}

/** The stored story, to load a newer version someone else saved. */
export async function loadStoryAction(input: { storyId: string }) {
  return runAction({
    schema: z.object({ storyId }),
    input,
    run: async (user, data) => {
      const story = await loadStoryEditor({ db: getDb(), actor: user, storyId: data.storyId });
      return { version: story.version, content: story.content, photos: story.photos, updatedAt: story.updatedAt };
    },
  });
}

export async function restoreRevisionAction(_state: ActionState, form: FormData): Promise<ActionState<{ version: number }>> {
  return runAction({
    schema: z.object({ storyId, version: z.coerce.number().int().min(1), baseVersion: z.coerce.number().int().min(1) }),
    input: formObject(form),
    run: async (user, data) => {
      const saved = await restoreRevision({ db: getDb(), actor: user, ...data });
      return { version: saved.version };
    },
    success: (m, result) => m.stories.history.restored(result.version),
  });
}

export async function updatePhotoDetailsAction(input: { photoId: string; caption: string; credit: string; altText: string }): Promise<ActionState> {
  const text = (max: number) => z.string().max(max).transform((value) => value.trim() || null);
  return runAction({
    schema: z.object({ photoId: z.uuid(), caption: text(2000), credit: text(200), altText: text(500) }),
    input,
    run: async (user, data) => {
      await updatePhotoMetadata({ db: getDb(), actor: user, ...data });
    },
    success: (m) => m.stories.photos.detailsSaved,
  });
}
