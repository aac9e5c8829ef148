"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Rendering every reader page again after a settings change: how far it is,
 * refreshed every 2 s while it runs (the server reads the progress from the
 * shared store, so any instance shows it).
 */
export function RenderAllProgress(props: { running: boolean; done: number; total: number; text: string; label: string; failed: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!props.running) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [props.running, router]);
  return (
    <div className={`mt-4 max-w-2xl rounded p-3 ${props.failed ? "border border-red-300 bg-red-50 text-red-900" : props.running ? "border border-amber-300 bg-amber-50 text-amber-950" : "text-neutral-800"}`}>
      <p role="status">{props.text}</p>
      {props.running && <progress className="mt-2 w-full" aria-label={props.label} value={props.done} max={Math.max(props.total, 1)} />}
    </div>
  );
}
