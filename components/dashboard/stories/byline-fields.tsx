"use client";

import type { BylineRole } from "@/lib/db/generated/enums";
import { formatByline } from "@/lib/people/byline";
import type { storyMessages } from "@/lib/i18n/messages/stories";
import type { StoryContent } from "@/lib/stories/story-content";

type Byline = StoryContent["bylines"][number];
type Person = { id: string; name: string; role: BylineRole; organisation: string | null };
type Messages = (typeof storyMessages)["zh-CN"];

const roles: BylineRole[] = ["REPORTER", "CORRESPONDENT", "INTERN", "PHOTOGRAPHER", "EDITOR"];
const input = "mt-1 w-full rounded border border-neutral-300 px-2 py-1 disabled:bg-neutral-100";

function move<T>(items: T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/**
 * Ordered bylines: a person from the list (fills the rest) or a free-form byline;
 * and "printed without a byline" (不署名), which only tells pre-flight that none
 * is expected: bylines still listed are printed.
 */
export function BylineFields(props: {
  bylines: Byline[];
  noByline: boolean;
  people: Person[];
  disabled: boolean;
  m: Messages;
  onChange: (bylines: Byline[]) => void;
  onNoBylineChange: (noByline: boolean) => void;
}) {
  const { bylines, people, disabled, m, onChange } = props;
  const update = (index: number, changes: Partial<Byline>) => onChange(bylines.map((byline, i) => (i === index ? { ...byline, ...changes } : byline)));
  const pick = (index: number, personId: string) => {
    const person = people.find((candidate) => candidate.id === personId);
    update(index, person ? { personId: person.id, name: person.name, role: person.role, organisation: person.organisation, display: null } : { personId: null });
  };
  return (
    <fieldset className="rounded border border-neutral-200 p-3">
      <legend className="px-1 font-semibold">{m.bylines.legend}</legend>
      <label className="mb-3 flex items-center gap-2 text-sm">
        <input type="checkbox" checked={props.noByline} disabled={disabled} onChange={(event) => props.onNoBylineChange(event.target.checked)} />
        {m.bylines.noByline}
      </label>
      {props.noByline && bylines.length > 0 && <p className="mb-3 text-sm text-neutral-700">{m.bylines.noBylineKept}</p>}
      <ol className="space-y-3">
        {bylines.map((byline, index) => (
          <li key={index} aria-label={m.bylines.rowLabel(index + 1)} className="grid gap-2 rounded bg-neutral-50 p-2 sm:grid-cols-6">
            <label className="text-sm sm:col-span-2">
              {m.bylines.person}
              <select className={input} value={byline.personId ?? ""} disabled={disabled} onChange={(event) => pick(index, event.target.value)}>
                <option value="">{m.bylines.freeForm}</option>
                {people.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.name}（{m.bylineRoles[person.role]}）
                  </option>
                ))}
              </select>
            </label>
            <label className="text-sm">
              {m.bylines.name}
              <input className={input} value={byline.name} disabled={disabled || Boolean(byline.personId)} onChange={(event) => update(index, { name: event.target.value })} />
            </label>
            <label className="text-sm">
              {m.bylines.role}
              <select className={input} value={byline.role} disabled={disabled} onChange={(event) => update(index, { role: event.target.value as BylineRole })}>
                {roles.map((role) => (
                  <option key={role} value={role}>
                    {m.bylineRoles[role]}
                  </option>
                ))}
              </select>
            </label>
            <label className="text-sm sm:col-span-2">
              {m.bylines.organisation}
              <input className={input} value={byline.organisation ?? ""} disabled={disabled} onChange={(event) => update(index, { organisation: event.target.value || null })} />
            </label>
            <label className="text-sm sm:col-span-4">
              {m.bylines.display}
              <input
                className={input}
                value={byline.display ?? ""}
                placeholder={formatByline(byline)}
                disabled={disabled}
                onChange={(event) => update(index, { display: event.target.value || null })}
              />
            </label>
            {!disabled && (
              <div className="flex items-end gap-2 text-sm sm:col-span-2">
                <button type="button" disabled={index === 0} onClick={() => onChange(move(bylines, index, index - 1))} className="rounded border px-2 py-1 disabled:opacity-40">
                  {m.bylines.up}
                </button>
                <button type="button" disabled={index === bylines.length - 1} onClick={() => onChange(move(bylines, index, index + 1))} className="rounded border px-2 py-1 disabled:opacity-40">
                  {m.bylines.down}
                </button>
                <button type="button" onClick={() => onChange(bylines.filter((_, i) => i !== index))} className="rounded border border-red-700 px-2 py-1 text-red-800">
                  {m.bylines.remove}
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {!disabled && (
        <button
          type="button"
          onClick={() => onChange([...bylines, { personId: null, name: "", role: "REPORTER", organisation: null, display: null }])}
          className="mt-3 rounded border border-neutral-400 px-3 py-1 text-sm"
        >
          {m.bylines.add}
        </button>
      )}
    </fieldset>
  );
}

export { move };
