"use client";

import { useEffect, useRef } from "react";
import { bodyPlainText } from "@/lib/articles/body";
import type { storyMessages } from "@/lib/i18n/messages/stories";
import type { StoryConflictDetails } from "@/lib/stories/story-conflict";
import type { StoryContent } from "@/lib/stories/story-content";
import { diffStoryContents } from "@/lib/stories/story-diff";
import { DiffView } from "./diff-view";

type Messages = (typeof storyMessages)["zh-CN"];

function Version({ title, content }: { title: string; content: StoryContent }) {
  return (
    <section className="rounded border border-neutral-300 bg-white p-3" aria-label={title}>
      <h3 className="font-semibold">{title}</h3>
      {content.kicker && <p className="mt-2 text-sm text-neutral-700">{content.kicker}</p>}
      <p className="mt-1 text-lg font-bold">{content.headline}</p>
      {content.subtitle && <p className="text-sm text-neutral-700">{content.subtitle}</p>}
      <p className="mt-2 max-h-64 overflow-auto text-sm leading-6 whitespace-pre-wrap">{bodyPlainText(content.body)}</p>
    </section>
  );
}

/**
 * Someone saved a newer version while this user was editing: both versions side
 * by side with their differences, and the three ways out. Nothing is saved until
 * the user picks one.
 */
export function ConflictPanel(props: {
  conflict: StoryConflictDetails;
  mine: StoryContent;
  m: Messages;
  onOverwrite: () => void;
  onTakeTheirs: () => void;
  onMerge: () => void;
}) {
  const { conflict, mine, m } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const name = conflict.updatedByName ?? "?";
  return (
    <section role="alertdialog" aria-labelledby="conflict-title" aria-describedby="conflict-explain" className="rounded border-2 border-amber-600 bg-amber-50 p-4">
      <h2 id="conflict-title" ref={heading} tabIndex={-1} className="text-lg font-bold">
        {m.conflict.title}
      </h2>
      <p id="conflict-explain" className="mt-1">
        {m.conflict.explain(name, conflict.version)}
      </p>
      <div className="mt-3 grid gap-3 md:grid-cols-2">
        <Version title={m.conflict.theirs(name)} content={conflict.content} />
        <Version title={m.conflict.mine} content={mine} />
      </div>
      <h3 className="mt-4 font-semibold">{m.conflict.changes}</h3>
      <div className="mt-2">
        <DiffView diff={diffStoryContents(conflict.content, mine)} m={m} />
      </div>
      <div className="mt-4 flex flex-wrap gap-3">
        <button type="button" onClick={props.onMerge} className="rounded bg-neutral-900 px-3 py-1 text-white">
          {m.conflict.merge}
        </button>
        <button type="button" onClick={props.onOverwrite} className="rounded border border-amber-800 px-3 py-1">
          {m.conflict.overwrite}
        </button>
        <button type="button" onClick={props.onTakeTheirs} className="rounded border border-neutral-500 px-3 py-1">
          {m.conflict.takeTheirs}
        </button>
      </div>
    </section>
  );
}
