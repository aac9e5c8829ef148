import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { isEditionDate } from "@/lib/time/edition-date";
import { getDashboardMessages } from "@/lib/i18n/dashboard-locale";
import { readerPreviewRenderer } from "@/lib/reader-files/reader-files-registry";

export const dynamic = "force-dynamic";

const pathSchema = z.array(z.string().max(20)).max(3).default([]);

/**
 * 预览: the edition's pages exactly as they will be published, rendered by
 * the same documents as the published files (lib/reader-files/preview-reader-files.ts),
 * for the desk only, never cached.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ date: string; path?: string[] }> }) {
  const user = await getCurrentUser();
  if (!user) return redirect("/admin/sign-in");
  const { date, path } = await params;
  const parts = pathSchema.safeParse(path);
  const render = readerPreviewRenderer();
  if (!can(user.role, "edition.plan") || !isEditionDate(date) || !parts.success || !render) return notFound();
  const { m } = await getDashboardMessages();
  const answer = await render({ date, path: parts.data, banner: { banner: m.editions.previewBanner(date), backHref: "/admin/editions", backLabel: m.editions.title } });
  if (!answer) return notFound();
  if ("redirect" in answer) return redirect(answer.redirect);
  return new Response(answer.html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" } });
}

// Relative: behind a proxy the request's own URL names the server, not the reader's address.
function redirect(location: string) {
  return new Response(null, { status: 307, headers: { Location: location, "Cache-Control": "private, no-store" } });
}

function notFound() {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
}
