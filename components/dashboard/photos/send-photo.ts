import type { PhotoSummary } from "@/lib/media/photos/photo-summary";

export type SendResult = { ok: true; photo: PhotoSummary; duplicate: boolean } | { ok: false; message: string | null };

/**
 * Sends one file to POST /api/photos as the raw body. XMLHttpRequest rather
 * than fetch: only it reports upload progress. `message` is null when the
 * connection failed (the caller says so in the user's language).
 */
export function sendPhoto(file: File, onProgress: (fraction: number) => void): Promise<SendResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/photos");
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = (xhr.response ?? {}) as { photo?: PhotoSummary; duplicate?: boolean; error?: string };
      if (xhr.status >= 200 && xhr.status < 300 && body.photo) resolve({ ok: true, photo: body.photo, duplicate: Boolean(body.duplicate) });
      else resolve({ ok: false, message: body.error ?? null });
    };
    xhr.onerror = () => resolve({ ok: false, message: null });
    xhr.send(file);
  });
}
