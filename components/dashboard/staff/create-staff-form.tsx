"use client";

import { useActionState, useId } from "react";
import { FormStatus, SelectField, SubmitButton, TextField } from "./form-fields";
import type { FormState } from "./form-state";
import { GeneratedPassword } from "./generated-password";

type Result = { generatedPassword?: string };
type Action = (state: FormState<Result>, form: FormData) => Promise<FormState<Result>>;

/** 新建员工账号: the generated password, if any, is shown once in the result. */
export function CreateStaffForm(props: {
  action: Action;
  roles: readonly { value: string; label: string }[];
  labels: { heading: string; name: string; email: string; role: string; password: string; passwordHint: string; submit: string; saving: string; generatedPassword: string };
}) {
  const [state, action, pending] = useActionState(props.action, {});
  const id = useId();
  const { labels } = props;
  const errors = state.fieldErrors ?? {};
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-8 max-w-xl rounded border border-neutral-200 bg-white p-4">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {labels.heading}
      </h2>
      <form action={action} noValidate className="mt-3 space-y-3">
        <TextField idPrefix={id} name="name" label={labels.name} required maxLength={100} defaultValue={state.values?.name} error={errors.name} />
        <TextField
          idPrefix={id}
          name="email"
          type="email"
          label={labels.email}
          required
          defaultValue={state.values?.email}
          error={errors.email}
        />
        <SelectField idPrefix={id} name="role" label={labels.role} options={props.roles} defaultValue={state.values?.role ?? "REPORTER"} error={errors.role} />
        <TextField
          idPrefix={id}
          name="password"
          type="password"
          autoComplete="new-password"
          label={labels.password}
          hint={labels.passwordHint}
          error={errors.password}
        />
        <SubmitButton pending={pending} label={labels.submit} pendingLabel={labels.saving} />
        <FormStatus state={state}>
          {state.ok && state.data?.generatedPassword && <GeneratedPassword label={labels.generatedPassword} password={state.data.generatedPassword} />}
        </FormStatus>
      </form>
    </section>
  );
}
