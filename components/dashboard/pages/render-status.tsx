"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { PageRenderStatus } from "@/lib/db/generated/enums";
import { pageMessages } from "@/lib/i18n/messages/pages";

/**
 * The page image's render status; while a render waits or runs, the page's
 * server data is refreshed every 2 s so the new image appears by itself.
 */
export function RenderStatus(props: { status: PageRenderStatus; error: string | null; hasImage: boolean; locale: "zh-CN" | "en" }) {
  const t = pageMessages[props.locale].render;
  const router = useRouter();
  const pending = props.status === "PENDING";

  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [pending, router]);

  if (props.status === "FAILED") {
    return (
      <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
        {t.FAILED}
        {props.error}
        {props.hasImage && ` ${t.keptOld}`}
      </p>
    );
  }
  return (
    <p role="status" className={`rounded p-3 ${pending ? "border border-amber-300 bg-amber-50 text-amber-950" : "text-neutral-800"}`}>
      {t[props.status]}
      {pending && props.hasImage && ` ${t.keptOld}`}
    </p>
  );
}
