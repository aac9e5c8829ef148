import type { ActionState } from "@/lib/actions/run-action";

/**
 * What a staff/people/settings action returns to its form: runAction's result,
 * plus the values as submitted when it failed, so the form shows them again
 * (React resets a form after its action) and the user only fixes what is wrong.
 */
export type FormState<T = unknown> = ActionState<T> & { values?: Record<string, string> };

/** Keeps the submitted values on failure; secrets (passwords) are never sent back. */
export function keepValues<T>(state: ActionState<T>, input: Record<string, unknown>, secret: readonly string[] = []): FormState<T> {
  if (state.ok) return state;
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    if (typeof value === "string" && !secret.includes(key)) values[key] = value;
  }
  return { ...state, values };
}
