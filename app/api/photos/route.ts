import { getCurrentUser } from "@/lib/auth/current-user";
import { isSameOriginRequest } from "@/lib/http/same-origin";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { getDashboardLocale } from "@/lib/i18n/dashboard-locale";
import { getPhotoSummary } from "@/lib/media/photos/get-photo";
import { listPhotos } from "@/lib/media/photos/list-photos";
import { emptyFile } from "@/lib/media/photos/photo-errors";
import { photoSearchSchema } from "@/lib/media/photos/photo-schema";
import { uploadPhoto } from "@/lib/media/photos/upload-photo";
import { getStorage } from "@/lib/storage/get-storage";
import { readUploadHeaders } from "@/lib/http/upload-headers";

// The media library's API for the dashboard's uploader and photo picker.
// POST takes one photo as the raw request body (not multipart), so the size
// limit is enforced while the bytes stream in; the file's name comes in the
// X-File-Name header (URI-encoded, since headers are ASCII).

export const dynamic = "force-dynamic";

/** Staff-only answers: never kept by a browser cache or a CDN. */
const PRIVATE = { "Cache-Control": "private, no-store" };


export async function POST(request: Request) {
  const locale = await getDashboardLocale();
  const user = await getCurrentUser();
  if (!user) return errorResponse(new AppError("UNAUTHENTICATED"), locale);
  // Only the dashboard's own pages may send files (lib/http/same-origin.ts).
  if (!isSameOriginRequest(request)) return errorResponse(new AppError("FORBIDDEN"), locale);
  const headers = readUploadHeaders(request);
  if (!headers.success) return errorResponse(new AppError("INVALID_INPUT"), locale);
  if (!request.body) return errorResponse(emptyFile(), locale);
  try {
    const db = getDb();
    const result = await uploadPhoto({
      db,
      storage: getStorage(),
      actor: user,
      body: request.body,
      declaredSize: headers.data.contentLength,
      originalName: headers.data.fileName,
    });
    const photo = await getPhotoSummary({ db, photoId: result.photoId });
    return Response.json({ photo, duplicate: result.duplicate }, { status: result.duplicate ? 200 : 201, headers: PRIVATE });
  } catch (error) {
    return handleError(error, locale);
  }
}

/** The picker's search: any signed-in staff member may search the whole library. */
export async function GET(request: Request) {
  const locale = await getDashboardLocale();
  const user = await getCurrentUser();
  if (!user) return errorResponse(new AppError("UNAUTHENTICATED"), locale);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const search = photoSearchSchema.safeParse(params);
  if (!search.success) return errorResponse(new AppError("INVALID_INPUT"), locale);
  try {
    return Response.json(await listPhotos({ db: getDb(), search: search.data }), { headers: PRIVATE });
  } catch (error) {
    return handleError(error, locale);
  }
}

function handleError(error: unknown, locale: "zh-CN" | "en"): Response {
  if (error instanceof AppError) return errorResponse(error, locale);
  throw error;
}

function errorResponse(error: AppError, locale: "zh-CN" | "en"): Response {
  return Response.json({ error: error.messageFor(locale), code: error.code }, { status: error.status, headers: PRIVATE });
}
