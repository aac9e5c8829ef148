"use client";

import { useSyncExternalStore } from "react";

const KEY = "reader-font-size";
const MIN = -2;
const MAX = 4;

/** Runs in <head>: the saved size is applied before the page paints (no flash). */
export const FONT_SIZE_INIT_SCRIPT = `try{var s=localStorage.getItem("${KEY}");if(s)document.documentElement.dataset.fontSize=s}catch(e){}`;

const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The size lives on <html data-font-size>, where the head script put it. */
function currentStep(): number {
  return Number(document.documentElement.dataset.fontSize ?? 0) || 0;
}

function apply(step: number) {
  document.documentElement.dataset.fontSize = String(step);
  try {
    localStorage.setItem(KEY, String(step));
  } catch {
    // Private mode: the size still applies to this page.
  }
  listeners.forEach((listener) => listener());
}

/** 放大 / 缩小 / 默认: the article text size, remembered across articles and visits. */
export function FontSizeControls({ labels }: { labels: { larger: string; smaller: string; reset: string; group: string } }) {
  const step = useSyncExternalStore(subscribe, currentStep, () => 0);
  const change = (next: number) => apply(Math.max(MIN, Math.min(MAX, next)));
  const button = "rounded border border-neutral-300 bg-white px-2 py-0.5 text-sm hover:border-brand disabled:opacity-50";
  return (
    <div role="group" aria-label={labels.group} className="flex gap-1 print:hidden">
      <button type="button" className={button} onClick={() => change(step + 1)} disabled={step >= MAX}>
        {labels.larger}
      </button>
      <button type="button" className={button} onClick={() => change(step - 1)} disabled={step <= MIN}>
        {labels.smaller}
      </button>
      <button type="button" className={button} onClick={() => change(0)} disabled={step === 0}>
        {labels.reset}
      </button>
    </div>
  );
}
