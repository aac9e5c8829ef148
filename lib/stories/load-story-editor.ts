import { can, type Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import type { ArticleStatus, BylineRole } from "@/lib/db/generated/enums";
import { photoSummary, photoSummarySelect, type PhotoSummary } from "@/lib/media/photos/photo-summary";
import { assertStoryAccess, storyRefusal } from "./story-access";
import { storyContentFrom, storyContentSelect, type StoryContent } from "./story-content";
import { availableTransitions, type StoryTransition } from "./story-workflow";

export type StoryMode = "edit" | "correct" | "photos" | "read";

export interface StoryEditorData {
  id: string;
  status: ArticleStatus;
  version: number;
  content: StoryContent;
  mode: StoryMode;
  transitions: StoryTransition[];
  createdByName: string | null;
  updatedByName: string | null;
  updatedAt: string;
  photos: Record<string, PhotoSummary>;
  pageNames: { id: string; name: string }[];
  people: { id: string; name: string; role: BylineRole; organisation: string | null }[];
  photographers: { id: string; name: string }[];
  corrections: { text: string; publishedAt: string }[];
}

/**
 * Everything the story editor page shows, for an actor who may at least open
 * the story (else FORBIDDEN, audited), and what they may do with it.
 */
export async function loadStoryEditor(options: { db: Db; actor: Actor; storyId: string }): Promise<StoryEditorData> {
  const { db, actor, storyId } = options;
  const facts = await assertStoryAccess({ db, actor, storyId, intent: "view" });
  const story = await db.article.findUniqueOrThrow({
    where: { id: storyId },
    select: {
      ...storyContentSelect,
      id: true,
      publicationId: true,
      status: true,
      version: true,
      updatedAt: true,
      createdBy: { select: { name: true } },
      updatedBy: { select: { name: true } },
      photos: { orderBy: { position: "asc" }, select: { photoId: true, captionOverride: true, photo: { select: photoSummarySelect } } },
      corrections: { orderBy: { publishedAt: "asc" }, select: { text: true, publishedAt: true } },
    },
  });
  const mode: StoryMode =
    story.status === "PUBLISHED" && can(actor.role, "story.correct")
      ? "correct"
      : !storyRefusal(actor, facts, "edit")
        ? "edit"
        : !storyRefusal(actor, facts, "attachPhotos")
          ? "photos"
          : "read";
  const [pageNames, people, photographers] = await Promise.all([
    db.pageName.findMany({ where: { publicationId: story.publicationId, active: true }, orderBy: { position: "asc" }, select: { id: true, name: true } }),
    db.person.findMany({ where: { publicationId: story.publicationId, active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, role: true, organisation: true } }),
    db.user.findMany({ where: { role: "PHOTOGRAPHER", disabled: false }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return {
    id: story.id,
    status: story.status,
    version: story.version,
    content: storyContentFrom(story),
    mode,
    transitions: availableTransitions(actor, facts),
    createdByName: story.createdBy?.name ?? null,
    updatedByName: story.updatedBy?.name ?? null,
    updatedAt: story.updatedAt.toISOString(),
    photos: Object.fromEntries(story.photos.map((entry) => [entry.photoId, photoSummary(entry.photo)])),
    pageNames,
    people,
    photographers,
    corrections: story.corrections.map((correction) => ({ text: correction.text, publishedAt: correction.publishedAt.toISOString() })),
  };
}
