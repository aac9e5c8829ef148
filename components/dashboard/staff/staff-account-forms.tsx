"use client";

import { useActionState, useId } from "react";
import { FormStatus, SelectField, SubmitButton, TextField } from "./form-fields";
import type { FormState } from "./form-state";
import { GeneratedPassword } from "./generated-password";

type Action<T = unknown> = (state: FormState<T>, form: FormData) => Promise<FormState<T>>;

// The three things an admin does to an existing account, each its own small form
// with its own result, so one failing never hides another's message.

export function ChangeRoleForm(props: {
  action: Action;
  userId: string;
  currentRole: string;
  roles: readonly { value: string; label: string }[];
  labels: { heading: string; hint: string; role: string; submit: string; saving: string };
}) {
  const [state, action, pending] = useActionState(props.action, {});
  const id = useId();
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded border border-neutral-200 bg-white p-4">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {props.labels.heading}
      </h2>
      <p className="mt-1 text-sm text-neutral-700">{props.labels.hint}</p>
      <form action={action} noValidate className="mt-3 space-y-3">
        <input type="hidden" name="userId" value={props.userId} />
        <SelectField
          idPrefix={id}
          name="role"
          label={props.labels.role}
          options={props.roles}
          defaultValue={state.values?.role ?? props.currentRole}
          error={state.fieldErrors?.role}
        />
        <SubmitButton pending={pending} label={props.labels.submit} pendingLabel={props.labels.saving} />
        <FormStatus state={state} />
      </form>
    </section>
  );
}

export function ResetPasswordForm(props: {
  action: Action<{ generatedPassword?: string }>;
  userId: string;
  labels: { heading: string; hint: string; password: string; submit: string; saving: string; generatedPassword: string };
}) {
  const [state, action, pending] = useActionState(props.action, {});
  const id = useId();
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded border border-neutral-200 bg-white p-4">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {props.labels.heading}
      </h2>
      <form action={action} noValidate className="mt-3 space-y-3">
        <input type="hidden" name="userId" value={props.userId} />
        <TextField
          idPrefix={id}
          name="password"
          type="password"
          autoComplete="new-password"
          label={props.labels.password}
          hint={props.labels.hint}
          error={state.fieldErrors?.password}
        />
        <SubmitButton pending={pending} label={props.labels.submit} pendingLabel={props.labels.saving} tone="plain" />
        <FormStatus state={state}>
          {state.ok && state.data?.generatedPassword && <GeneratedPassword label={props.labels.generatedPassword} password={state.data.generatedPassword} />}
        </FormStatus>
      </form>
    </section>
  );
}

export function AccountAccessForm(props: {
  action: Action;
  userId: string;
  disabled: boolean;
  labels: { heading: string; hint: string; submit: string; saving: string };
}) {
  const [state, action, pending] = useActionState(props.action, {});
  const id = useId();
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded border border-neutral-200 bg-white p-4">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {props.labels.heading}
      </h2>
      <p className="mt-1 text-sm text-neutral-700">{props.labels.hint}</p>
      <form action={action} className="mt-3 space-y-3">
        <input type="hidden" name="userId" value={props.userId} />
        <input type="hidden" name="disabled" value={props.disabled ? "false" : "true"} />
        <SubmitButton pending={pending} label={props.labels.submit} pendingLabel={props.labels.saving} tone={props.disabled ? "plain" : "danger"} />
        <FormStatus state={state} />
      </form>
    </section>
  );
}
