import { getCurrentUser } from "@/lib/auth/current-user";
import { isSameOriginRequest } from "@/lib/http/same-origin";
import { getDb } from "@/lib/db/client";
import { importEditionUpload } from "@/lib/editions/import-upload";
import { ManifestError } from "@/lib/editions/read-manifest";
import { AppError, type Locale } from "@/lib/errors/app-error";
import { getDashboardLocale } from "@/lib/i18n/dashboard-locale";
import { editionImportMessages } from "@/lib/i18n/messages/edition-import";
import { getStorage } from "@/lib/storage/get-storage";
import { readUploadHeaders } from "@/lib/http/upload-headers";

// 导入整期: a whole edition folder (manifest.json, page PDFs, photos) as one
// multipart request from the dashboard's importer. The size limit is enforced
// while the body streams in (lib/editions/import-upload.ts); the answer is the
// import's report, or why nothing was written.

export const dynamic = "force-dynamic";

const PRIVATE = { "Cache-Control": "private, no-store" };

export async function POST(request: Request) {
  const locale = await getDashboardLocale();
  const user = await getCurrentUser();
  if (!user) return errorResponse(new AppError("UNAUTHENTICATED"), locale);
  // Only the dashboard's own pages may send files (lib/http/same-origin.ts).
  if (!isSameOriginRequest(request)) return errorResponse(new AppError("FORBIDDEN"), locale);
  const headers = readUploadHeaders(request);
  if (!headers.success || !request.body) return errorResponse(new AppError("INVALID_INPUT"), locale);
  try {
    const result = await importEditionUpload({
      db: getDb(),
      storage: getStorage(),
      actor: user,
      body: request.body,
      contentType: request.headers.get("content-type"),
      declaredSize: headers.data.contentLength,
    });
    return Response.json({ result }, { headers: PRIVATE });
  } catch (error) {
    if (error instanceof ManifestError) {
      // The problems name the line and field (as the command prints them); nothing was written.
      return Response.json({ error: editionImportMessages[locale].manifestRefused, problems: error.problemsFor(locale), code: "INVALID_MANIFEST" }, { status: 422, headers: PRIVATE });
    }
    if (error instanceof AppError) return errorResponse(error, locale);
    throw error;
  }
}

function errorResponse(error: AppError, locale: Locale): Response {
  return Response.json({ error: error.messageFor(locale), code: error.code }, { status: error.status, headers: PRIVATE });
}
