import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { ArticleStatus } from "@/lib/db/generated/enums";
import { createMigratedDatabase } from "@/tests/helpers/database";
import { outcome, seedNewsroom, type Newsroom } from "@/tests/helpers/newsroom";
import { createStory } from "./create-story";
import { availableTransitions, transitionNames, transitions } from "./story-workflow";
import { transitionStory } from "./transition-story";

let db: Db;
let n: Newsroom;

beforeAll(async () => {
  db = (await createMigratedDatabase()).db;
  n = await seedNewsroom(db);
});

const body = { type: "doc" as const, content: [{ type: "paragraph" as const, content: [{ type: "text" as const, text: "正文。" }] }] };

async function storyIn(status: ArticleStatus) {
  const { id } = await createStory({ db, actor: n.reporter, content: { headline: "标题", body } });
  await db.article.update({ where: { id }, data: { status } });
  return id;
}

describe("the story workflow", () => {
  // Every (status, move) pair: the move works exactly when the table allows it.
  const pairs = Object.values(ArticleStatus).flatMap((status) => transitionNames.map((transition) => [status, transition] as const));
  it.each(pairs)("from %s, %s", async (status, transition) => {
    const storyId = await storyIn(status);
    const result = await outcome(transitionStory({ db, actor: n.editor, storyId, transition }));
    const rule = transitions[transition];
    const stored = await db.article.findUniqueOrThrow({ where: { id: storyId }, select: { status: true } });
    if (rule.from.includes(status)) {
      expect(result).toBe("ok");
      expect(stored.status).toBe(rule.to);
    } else {
      expect(result).toBe("INVALID_STATE");
      expect(stored.status).toBe(status);
    }
  });

  it("walks a story from draft to published, auditing every move", async () => {
    const storyId = await storyIn("DRAFT");
    await transitionStory({ db, actor: n.reporter, storyId, transition: "submit" });
    await transitionStory({ db, actor: n.editor, storyId, transition: "startEditing" });
    await transitionStory({ db, actor: n.editor, storyId, transition: "markReady" });
    await transitionStory({ db, actor: n.editor, storyId, transition: "publish" });
    const story = await db.article.findUniqueOrThrow({ where: { id: storyId } });
    expect(story.status).toBe("PUBLISHED");
    expect(story.publishedById).toBe(n.editor.id);
    const moves = await db.auditLog.findMany({ where: { entityId: storyId, action: "article.transition" }, orderBy: { createdAt: "asc" } });
    expect(moves.map((move) => (move.data as { to: string }).to)).toEqual(["SUBMITTED", "EDITING", "READY", "PUBLISHED"]);
  });

  it("does not let an empty story be submitted", async () => {
    const { id } = await createStory({ db, actor: n.reporter });
    const error = await transitionStory({ db, actor: n.reporter, storyId: id, transition: "submit" }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "INVALID_INPUT" });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
  });

  it("offers each role only the moves it may make", async () => {
    const draft = { id: "x", status: "DRAFT" as const, createdById: n.reporter.id, photoAssigneeId: null };
    expect(availableTransitions(n.reporter, draft)).toEqual(["submit"]);
    expect(availableTransitions(n.otherReporter, draft)).toEqual([]);
    expect(availableTransitions(n.editor, { ...draft, status: "EDITING" })).toEqual(["returnToReporter", "markReady", "kill"]);
    expect(availableTransitions(n.reporter, { ...draft, status: "EDITING" })).toEqual([]);
  });
});
