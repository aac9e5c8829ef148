import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { isSameOriginRequest } from "@/lib/http/same-origin";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { getDashboardLocale } from "@/lib/i18n/dashboard-locale";
import { pageError } from "@/lib/pages/page-errors";
import { uploadPagePdf } from "@/lib/pages/upload-page-pdf";
import { getStorage } from "@/lib/storage/get-storage";
import { readUploadHeaders } from "@/lib/http/upload-headers";

// A page's PDF from the layout system, as the raw request body (not multipart),
// so the 100 MB limit is enforced while the bytes stream in; the file's name
// comes in X-File-Name (URI-encoded). Answers at once: the page image is made
// in the background (lib/pages/render-worker.ts).

export const dynamic = "force-dynamic";

const PRIVATE = { "Cache-Control": "private, no-store" };


// (Typed by hand: route types are generated at build time, after this file is written.)
export async function POST(request: Request, context: { params: Promise<{ pageId: string }> }) {
  const locale = await getDashboardLocale();
  const user = await getCurrentUser();
  if (!user) return errorResponse(new AppError("UNAUTHENTICATED"), locale);
  if (!isSameOriginRequest(request)) return errorResponse(new AppError("FORBIDDEN"), locale);
  const { pageId } = await context.params;
  if (!z.uuid().safeParse(pageId).success) return errorResponse(pageError("NOT_FOUND", "pageNotFound"), locale);
  const headers = readUploadHeaders(request);
  if (!headers.success) return errorResponse(new AppError("INVALID_INPUT"), locale);
  if (!request.body) return errorResponse(pageError("INVALID_INPUT", "empty"), locale);
  try {
    const result = await uploadPagePdf({
      db: getDb(),
      storage: getStorage(),
      actor: user,
      pageId,
      body: request.body,
      declaredSize: headers.data.contentLength,
      originalName: headers.data.fileName,
    });
    return Response.json(result, { status: 202, headers: PRIVATE });
  } catch (error) {
    if (error instanceof AppError) return errorResponse(error, locale);
    throw error;
  }
}

function errorResponse(error: AppError, locale: "zh-CN" | "en"): Response {
  return Response.json({ error: error.messageFor(locale), code: error.code }, { status: error.status, headers: PRIVATE });
}
