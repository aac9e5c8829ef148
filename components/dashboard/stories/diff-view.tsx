import type { FieldDiff } from "@/lib/stories/story-diff";
import type { storyMessages } from "@/lib/i18n/messages/stories";

type Messages = (typeof storyMessages)["zh-CN"];

/** Word-level differences, field by field: insertions underlined green, deletions struck red. */
export function DiffView({ diff, m }: { diff: FieldDiff[]; m: Messages }) {
  if (diff.length === 0) return <p className="text-neutral-700">{m.history.noChanges}</p>;
  return (
    <dl className="space-y-4">
      {diff.map((field) => (
        <div key={field.field}>
          <dt className="font-semibold">{m.history.fields[field.field]}</dt>
          <dd className="mt-1 rounded border border-neutral-200 bg-white p-3 leading-7 whitespace-pre-wrap">
            {field.parts.map((part, index) =>
              part.kind === "added" ? (
                <ins key={index} className="bg-green-100 text-green-900 underline">
                  <span className="sr-only">[{m.history.added}]</span>
                  {part.text}
                </ins>
              ) : part.kind === "removed" ? (
                <del key={index} className="bg-red-100 text-red-900 line-through">
                  <span className="sr-only">[{m.history.removed}]</span>
                  {part.text}
                </del>
              ) : (
                <span key={index}>{part.text}</span>
              ),
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
