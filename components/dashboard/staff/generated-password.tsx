/** A generated password, shown once: selectable, in a monospace face, never stored in the page's URL. */
export function GeneratedPassword({ label, password }: { label: string; password: string }) {
  return (
    <p className="mt-2 rounded border border-amber-300 bg-amber-50 p-3 text-neutral-900">
      {label} <code className="select-all font-mono text-base font-semibold">{password}</code>
    </p>
  );
}
