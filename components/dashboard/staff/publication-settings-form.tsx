"use client";

import { useActionState, useId } from "react";
import { FormStatus, SubmitButton, TextField } from "./form-fields";
import type { FormState } from "./form-state";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

const footerFields = ["footerCopyright", "footerPublisher", "footerMaintainer", "footerPhone", "footerIcp", "footerLicense"] as const;
type FooterField = (typeof footerFields)[number];

/** One publication's name and reader footer. */
export function PublicationSettingsForm(props: {
  action: Action;
  publication: { id: string; name: string } & Record<FooterField, string | null>;
  labels: { heading: string; fields: Record<"name" | FooterField, string>; emptyHint: string; submit: string; saving: string };
}) {
  const [state, action, pending] = useActionState(props.action, {});
  const id = useId();
  const { labels, publication } = props;
  const errors = state.fieldErrors ?? {};
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-6 max-w-2xl rounded border border-neutral-200 bg-white p-4">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {labels.heading}
      </h2>
      <p className="mt-1 text-sm text-neutral-700">{labels.emptyHint}</p>
      <form action={action} noValidate className="mt-3 space-y-3">
        <input type="hidden" name="publicationId" value={publication.id} />
        <TextField
          idPrefix={id}
          name="name"
          label={labels.fields.name}
          required
          maxLength={100}
          defaultValue={state.values?.name ?? publication.name}
          error={errors.name}
        />
        {footerFields.map((field) => (
          <TextField
            key={field}
            idPrefix={id}
            name={field}
            type={field === "footerPhone" ? "tel" : "text"}
            label={labels.fields[field]}
            maxLength={300}
            defaultValue={state.values?.[field] ?? publication[field] ?? ""}
            error={errors[field]}
          />
        ))}
        <SubmitButton pending={pending} label={labels.submit} pendingLabel={labels.saving} />
        <FormStatus state={state} />
      </form>
    </section>
  );
}
