import { diffArrays } from "diff";
import { blockText } from "@/lib/articles/body";
import { bylineDisplay, type StoryContent } from "./story-content";

// A readable, word-level comparison of two versions of a story. Chinese has no
// spaces between words, so text is cut into words with the ICU word segmenter
// (Intl.Segmenter) rather than on whitespace.

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };
export type DiffField = "kicker" | "headline" | "subtitle" | "body" | "summary" | "bylines" | "noByline" | "photos" | "editorialNote";
export interface FieldDiff {
  field: DiffField;
  parts: DiffPart[];
}

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

function words(text: string): string[] {
  return Array.from(segmenter.segment(text), (segment) => segment.segment);
}

export function diffText(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const change of diffArrays(words(before), words(after))) {
    const kind = change.added ? "added" : change.removed ? "removed" : "same";
    const text = change.value.join("");
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  }
  return parts;
}

/** The body as lines: subheads marked so a moved or retyped subhead shows. */
function bodyText(content: StoryContent): string {
  return content.body.content.map((block) => (block.type === "heading" ? `【${blockText(block)}】` : blockText(block))).join("\n");
}

const fieldText: Record<DiffField, (content: StoryContent) => string> = {
  kicker: (content) => content.kicker ?? "",
  headline: (content) => content.headline,
  subtitle: (content) => content.subtitle ?? "",
  body: bodyText,
  summary: (content) => content.summary ?? "",
  bylines: (content) => content.bylines.map(bylineDisplay).join(" "),
  // A mark, in no language: the field's label says what it is.
  noByline: (content) => (content.noByline ? "✓" : ""),
  photos: (content) => content.photos.map((photo) => photo.captionOverride ?? photo.photoId.slice(0, 8)).join("\n"),
  editorialNote: (content) => content.editorialNote ?? "",
};

/** Only the fields that differ, each as a sequence of unchanged/added/removed words. */
export function diffStoryContents(before: StoryContent, after: StoryContent): FieldDiff[] {
  return (Object.keys(fieldText) as DiffField[]).flatMap((field) => {
    const a = fieldText[field](before);
    const b = fieldText[field](after);
    return a === b ? [] : [{ field, parts: diffText(a, b) }];
  });
}
