"use client";

import { useActionState, useId } from "react";
import { CheckboxField, FormStatus, SelectField, SubmitButton, TextField } from "./form-fields";
import type { FormState } from "./form-state";

type Option = { value: string; label: string };
type Action = (state: FormState, form: FormData) => Promise<FormState>;

export interface PersonFormLabels {
  heading: string;
  name: string;
  role: string;
  organisation: string;
  organisationHint: string;
  account: string;
  publication: string;
  active: string;
  submit: string;
  saving: string;
}

/** New person and edit person: the same fields (署名, 身份, 单位, 账号, 所属报纸, 在用). */
export function PersonForm(props: {
  action: Action;
  /** Absent for a new person. */
  person?: { id: string; name: string; role: string; organisation: string | null; userId: string | null; publicationId: string; active: boolean };
  roles: readonly Option[];
  accounts: readonly Option[];
  /** Shown only when there is more than one publication. */
  publications: readonly Option[];
  labels: PersonFormLabels;
}) {
  const [state, action, pending] = useActionState(props.action, {});
  const id = useId();
  const { labels, person } = props;
  const errors = state.fieldErrors ?? {};
  const value = (name: string, fallback: string | null | undefined) => state.values?.[name] ?? fallback ?? "";
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-8 max-w-xl rounded border border-neutral-200 bg-white p-4">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {labels.heading}
      </h2>
      <form action={action} noValidate className="mt-3 space-y-3">
        {person && <input type="hidden" name="personId" value={person.id} />}
        <TextField idPrefix={id} name="name" label={labels.name} required maxLength={50} defaultValue={value("name", person?.name)} error={errors.name} />
        <SelectField idPrefix={id} name="role" label={labels.role} options={props.roles} defaultValue={value("role", person?.role ?? "REPORTER")} error={errors.role} />
        <TextField
          idPrefix={id}
          name="organisation"
          label={labels.organisation}
          hint={labels.organisationHint}
          maxLength={100}
          defaultValue={value("organisation", person?.organisation)}
          error={errors.organisation}
        />
        <SelectField idPrefix={id} name="userId" label={labels.account} options={props.accounts} defaultValue={value("userId", person?.userId)} error={errors.userId} />
        {props.publications.length > 1 ? (
          <SelectField
            idPrefix={id}
            name="publicationId"
            label={labels.publication}
            options={props.publications}
            defaultValue={value("publicationId", person?.publicationId ?? props.publications[0]?.value)}
            error={errors.publicationId}
          />
        ) : (
          <input type="hidden" name="publicationId" value={person?.publicationId ?? props.publications[0]?.value ?? ""} />
        )}
        <CheckboxField
          idPrefix={id}
          name="active"
          label={labels.active}
          defaultChecked={state.values ? state.values.active === "on" : (person?.active ?? true)}
          error={errors.active}
        />
        <SubmitButton pending={pending} label={labels.submit} pendingLabel={labels.saving} />
        <FormStatus state={state} />
      </form>
    </section>
  );
}
