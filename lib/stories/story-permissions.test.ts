import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import type { ArticleStatus, Role } from "@/lib/db/generated/enums";
import { createMigratedDatabase } from "@/tests/helpers/database";
import { outcome, seedNewsroom, type Newsroom } from "@/tests/helpers/newsroom";
import { correctStory } from "./correct-story";
import { createStory } from "./create-story";
import { listRevisions } from "./revisions";
import { saveStory, setStoryPhotos } from "./save-story";
import { storyContentFrom, storyContentSelect, type StoryContentInput } from "./story-content";
import { transitionStory } from "./transition-story";

// Every role × every story action of the permission map, allowed and refused.
// A refusal must change nothing and leave a permission.denied row in the audit log.

let db: Db;
let n: Newsroom;
let photoId: string;

const content: StoryContentInput = {
  kicker: "引题",
  headline: "江门新闻",
  body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "正文第一段。" }] }] },
};

beforeAll(async () => {
  db = (await createMigratedDatabase()).db;
  n = await seedNewsroom(db);
  const asset = await db.asset.create({ data: { kind: "PHOTO", storageKey: "photos/aa/test.jpg", mimeType: "image/jpeg", byteSize: 1, sha256: "a" } });
  photoId = (await db.photo.create({ data: { publicationId: n.publicationId, assetId: asset.id, caption: "图片说明" } })).id;
});

const actorFor = (role: Role): Actor => ({ ADMIN: n.admin, EDITOR: n.editor, REPORTER: n.reporter, PHOTOGRAPHER: n.photographer })[role];
const roles: Role[] = ["ADMIN", "EDITOR", "REPORTER", "PHOTOGRAPHER"];

/** A story in `status`, owned by `owner` (default: the reporter), optionally asking `assignee` for photos. */
async function story(status: ArticleStatus, options: { owner?: Actor; assignee?: Actor } = {}) {
  const { id } = await createStory({ db, actor: n.reporter, content });
  await db.article.update({
    where: { id },
    data: { status, createdById: (options.owner ?? n.reporter).id, photoAssigneeId: options.assignee?.id ?? null },
  });
  return id;
}

async function snapshot(id: string) {
  const article = await db.article.findUniqueOrThrow({ where: { id }, select: { ...storyContentSelect, status: true, version: true } });
  return { ...storyContentFrom(article), status: article.status, version: article.version };
}

const edited = { ...content, headline: "改过的标题" };

type Case = {
  name: string;
  allowed: Role[];
  run: (actor: Actor) => Promise<{ storyId?: string; call: () => Promise<unknown> }>;
};

const cases: Case[] = [
  { name: "create a story", allowed: ["ADMIN", "EDITOR", "REPORTER"], run: async (actor) => ({ call: () => createStory({ db, actor, content }) }) },
  {
    name: "edit one's own draft",
    allowed: ["ADMIN", "EDITOR", "REPORTER"],
    run: async (actor) => {
      const storyId = await story("DRAFT", { owner: actor });
      return { storyId, call: () => saveStory({ db, actor, storyId, baseVersion: 1, content: edited }) };
    },
  },
  {
    name: "edit another reporter's draft",
    allowed: ["ADMIN", "EDITOR"],
    run: async (actor) => {
      const storyId = await story("DRAFT", { owner: n.otherReporter });
      return { storyId, call: () => saveStory({ db, actor, storyId, baseVersion: 1, content: edited }) };
    },
  },
  {
    name: "open another reporter's draft (its history)",
    allowed: ["ADMIN", "EDITOR"],
    run: async (actor) => {
      const storyId = await story("DRAFT", { owner: n.otherReporter });
      return { storyId, call: () => listRevisions({ db, actor, storyId }) };
    },
  },
  {
    name: "attach photos to a story one was asked to photograph",
    allowed: ["ADMIN", "EDITOR", "REPORTER", "PHOTOGRAPHER"],
    run: async (actor) => {
      const storyId = await story("SUBMITTED", { owner: n.otherReporter, assignee: actor });
      return { storyId, call: () => setStoryPhotos({ db, actor, storyId, baseVersion: 1, photos: [{ photoId }] }) };
    },
  },
  {
    name: "attach photos to a story one was not asked for",
    allowed: ["ADMIN", "EDITOR"],
    run: async (actor) => {
      const storyId = await story("SUBMITTED", { owner: n.otherReporter });
      return { storyId, call: () => setStoryPhotos({ db, actor, storyId, baseVersion: 1, photos: [{ photoId }] }) };
    },
  },
  {
    name: "submit one's own draft",
    allowed: ["ADMIN", "EDITOR", "REPORTER"],
    run: async (actor) => {
      const storyId = await story("DRAFT", { owner: actor });
      return { storyId, call: () => transitionStory({ db, actor, storyId, transition: "submit" }) };
    },
  },
  {
    name: "submit another reporter's draft",
    allowed: ["ADMIN", "EDITOR"],
    run: async (actor) => {
      const storyId = await story("DRAFT", { owner: n.otherReporter });
      return { storyId, call: () => transitionStory({ db, actor, storyId, transition: "submit" }) };
    },
  },
  ...(
    [
      ["start editing a submitted story", "SUBMITTED", "startEditing"],
      ["approve a story (待发)", "EDITING", "markReady"],
      ["return a story to its reporter", "EDITING", "returnToReporter"],
      ["publish a ready story", "READY", "publish"],
      ["kill a story", "EDITING", "kill"],
      ["revive a killed story", "KILLED", "revive"],
    ] as const
  ).map(
    ([name, status, transition]): Case => ({
      name,
      allowed: ["ADMIN", "EDITOR"],
      run: async (actor) => {
        // Even the story's own reporter may not approve, kill or publish it.
        const storyId = await story(status, { owner: actor.role === "REPORTER" ? actor : n.otherReporter });
        return { storyId, call: () => transitionStory({ db, actor, storyId, transition }) };
      },
    }),
  ),
  {
    name: "correct a published story",
    allowed: ["ADMIN", "EDITOR"],
    run: async (actor) => {
      const storyId = await story("PUBLISHED", { owner: actor.role === "REPORTER" ? actor : n.otherReporter });
      return { storyId, call: () => correctStory({ db, actor, storyId, baseVersion: 1, content: edited, correction: "标题有误，已更正。" }) };
    },
  },
];

describe.each(cases)("$name", ({ allowed, run }) => {
  it.each(roles)("as %s", async (role) => {
    const actor = actorFor(role);
    const deniedBefore = await db.auditLog.count({ where: { action: "permission.denied", actorId: actor.id } });
    const { storyId, call } = await run(actor);
    const before = storyId ? await snapshot(storyId) : null;
    const result = await outcome(call());
    const deniedAfter = await db.auditLog.count({ where: { action: "permission.denied", actorId: actor.id } });
    if (allowed.includes(role)) {
      expect(result).toBe("ok");
      expect(deniedAfter).toBe(deniedBefore);
    } else {
      expect(result).toBe("FORBIDDEN");
      expect(deniedAfter).toBe(deniedBefore + 1);
      if (storyId) expect(await snapshot(storyId)).toEqual(before);
    }
  });
});

describe("a reporter's own story", () => {
  it("cannot be changed by them once submitted, with a message that says why", async () => {
    const storyId = await story("SUBMITTED");
    const error = await saveStory({ db, actor: n.reporter, storyId, baseVersion: 1, content: edited }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "FORBIDDEN" });
    expect((error as { messageFor: (l: string) => string }).messageFor("zh-CN")).toContain("稿件已提交");
  });

  it("can be recalled by them while the desk has not started on it", async () => {
    const storyId = await story("SUBMITTED");
    await transitionStory({ db, actor: n.reporter, storyId, transition: "recall" });
    expect((await snapshot(storyId)).status).toBe("DRAFT");
  });
});
