import { assertCan, type Actor } from "@/lib/auth/permissions";
import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { formatByline } from "@/lib/people/byline";
import { reindexArticles } from "@/lib/search/index-article";
import { emptyStoryContent, storyContentSchema, storyWordCount, type StoryContentInput } from "./story-content";
import { findDefaultPublication } from "@/lib/publications/default-publication";

/**
 * A new draft (草稿) in the default publication, owned by its author. A reporter
 * with a byline identity gets it as the first byline, so most stories need no
 * byline typing at all. The first version is kept as revision 1.
 */
export async function createStory(options: { db: Db; actor: Actor; content?: StoryContentInput }) {
  const { db, actor } = options;
  await assertCan({ db, actor, action: "story.create", entityType: "article" });
  return db.$transaction((tx) => insertStory(tx, actor, options.content));
}

/**
 * createStory's writes inside the caller's transaction, for a command that makes
 * a story as part of something larger (a story from a page region); the caller
 * checks `story.create`.
 */
export async function insertStory(tx: Tx, actor: Actor, input?: StoryContentInput): Promise<{ id: string; version: number }> {
  const content = input ? storyContentSchema.parse(input) : emptyStoryContent();
  const publication = await findDefaultPublication(tx);
  if (!publication) throw new AppError("INVALID_STATE", { "zh-CN": "还没有设置报纸，不能写稿。", en: "No publication is set up yet." });
  if (content.bylines.length === 0) {
    const person = await tx.person.findUnique({ where: { userId: actor.id }, select: { id: true, name: true, role: true, organisation: true, active: true } });
    if (person?.active) {
      content.bylines.push({ personId: person.id, name: person.name, role: person.role, organisation: person.organisation, display: formatByline(person) });
    }
  }
  const article = await tx.article.create({
    data: {
      publicationId: publication.id,
      kicker: content.kicker,
      headline: content.headline,
      subtitle: content.subtitle,
      body: content.body,
      summary: content.summary,
      editorialNote: content.editorialNote,
      noByline: content.noByline,
      wordCount: storyWordCount(content),
      createdById: actor.id,
      updatedById: actor.id,
      bylines: {
        create: content.bylines.map((byline, index) => ({
          personId: byline.personId,
          name: byline.name,
          role: byline.role,
          organisation: byline.organisation,
          display: byline.display ?? formatByline(byline),
          position: index + 1,
        })),
      },
    },
    select: { id: true, version: true },
  });
  await tx.revision.create({ data: { articleId: article.id, version: article.version, snapshot: content, createdById: actor.id } });
  await tx.auditLog.create({ data: { actorId: actor.id, action: "article.create", entityType: "article", entityId: article.id } });
  await reindexArticles(tx, [article.id]);
  return article;
}
