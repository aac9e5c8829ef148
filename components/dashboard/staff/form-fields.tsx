// Labelled form controls for the administration forms: every control has a
// <label>, its hint and its error are tied to it with aria-describedby.

interface FieldProps {
  /** Unique on the page (useId of the form). */
  idPrefix: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
}

function describedBy(id: string, props: FieldProps) {
  return [props.hint ? `${id}-hint` : "", props.error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

function FieldNotes({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-neutral-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-800">
          {error}
        </p>
      )}
    </>
  );
}

const controlClass = "mt-1 w-full rounded border px-3 py-2 aria-invalid:border-red-700 border-neutral-400 bg-white";

export function TextField(
  props: FieldProps & { type?: "text" | "email" | "password" | "tel"; defaultValue?: string; autoComplete?: string; maxLength?: number; minLength?: number },
) {
  const id = `${props.idPrefix}-${props.name}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {props.label}
      </label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={props.defaultValue}
        autoComplete={props.autoComplete ?? "off"}
        maxLength={props.maxLength}
        minLength={props.minLength}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props)}
        className={controlClass}
      />
      <FieldNotes id={id} hint={props.hint} error={props.error} />
    </div>
  );
}

export function SelectField(props: FieldProps & { options: readonly { value: string; label: string }[]; defaultValue?: string }) {
  const id = `${props.idPrefix}-${props.name}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {props.label}
      </label>
      <select
        id={id}
        name={props.name}
        defaultValue={props.defaultValue}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props)}
        className={controlClass}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldNotes id={id} hint={props.hint} error={props.error} />
    </div>
  );
}

export function CheckboxField(props: FieldProps & { defaultChecked?: boolean }) {
  const id = `${props.idPrefix}-${props.name}`;
  return (
    <div>
      <div className="flex items-center gap-2">
        <input
          id={id}
          name={props.name}
          type="checkbox"
          defaultChecked={props.defaultChecked}
          aria-describedby={describedBy(id, props)}
          className="h-4 w-4"
        />
        <label htmlFor={id} className="text-sm">
          {props.label}
        </label>
      </div>
      <FieldNotes id={id} hint={props.hint} error={props.error} />
    </div>
  );
}

/** The result of the last submit, announced to screen readers. */
export function FormStatus({ state, children }: { state: { ok?: boolean; message?: string }; children?: React.ReactNode }) {
  return (
    <div role="status" className={`text-sm ${state.ok ? "text-green-800" : "text-red-800"}`}>
      {state.message && <p>{state.message}</p>}
      {children}
    </div>
  );
}

export function SubmitButton({ pending, label, pendingLabel, tone = "primary" }: { pending: boolean; label: string; pendingLabel: string; tone?: "primary" | "danger" | "plain" }) {
  const toneClass =
    tone === "danger"
      ? "border border-red-700 text-red-800 hover:bg-red-50"
      : tone === "plain"
        ? "border border-neutral-500 text-neutral-900 hover:bg-neutral-100"
        : "bg-brand text-white hover:bg-brand-dark";
  return (
    <button type="submit" disabled={pending} className={`rounded px-4 py-2 text-sm font-medium disabled:opacity-60 ${toneClass}`}>
      {pending ? pendingLabel : label}
    </button>
  );
}
