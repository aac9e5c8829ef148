import { z } from "zod";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError, type AppErrorCode } from "@/lib/errors/app-error";
import { editionImportMessages, type EditionImportMessages } from "@/lib/i18n/messages/edition-import";
import type { Storage } from "@/lib/storage/storage";
import { uploadedSource } from "./edition-source";
import { MAX_IMPORT_BYTES, MAX_IMPORT_FILES } from "./import-limits";
import { runEditionImport, type EditionImportResult } from "./run-edition-import";

/** Room for the multipart boundaries and part headers around the files themselves. */
const FORM_OVERHEAD = 1024 * 1024;

/**
 * The form the dashboard's importer sends (multipart/form-data): for each file
 * a `path` (its place in the chosen folder) followed by the `file`, in the same
 * order; `publish` = "1" to publish when pre-flight passes.
 */
const importFormSchema = z
  .object({
    paths: z.array(z.string().max(1000)).max(MAX_IMPORT_FILES),
    files: z.array(z.instanceof(File)).max(MAX_IMPORT_FILES),
    publish: z.enum(["1", "0"]).nullable(),
  })
  .refine((form) => form.paths.length === form.files.length);

/**
 * 导入整期 from the dashboard: the same import as `npm run import`, from a folder
 * uploaded as one multipart request. In order, before anything is written:
 * permission (a reporter's upload is not even read), size (declared, then
 * counted while the body streams in), the form, safe file names, the manifest
 * and its files; then runEditionImport.
 */
export async function importEditionUpload(options: {
  db: Db;
  storage: Storage;
  actor: Actor;
  body: ReadableStream<Uint8Array>;
  contentType: string | null;
  /** Content-Length, when the client sent one: a larger upload is refused unread. */
  declaredSize?: number | null;
  /** The largest request body; by default MAX_IMPORT_BYTES of files and room for the form around them. */
  limit?: number;
}): Promise<EditionImportResult> {
  const { db, actor, body } = options;
  const limit = options.limit ?? MAX_IMPORT_BYTES + FORM_OVERHEAD;
  try {
    await assertCan({ db, actor, action: "edition.plan", entityType: "edition" });
    if (options.declaredSize != null && options.declaredSize > limit) throw importError("FILE_TOO_LARGE", "tooLarge");
  } catch (error) {
    await body.cancel().catch(() => {});
    throw error;
  }
  const form = await readForm(body, options.contentType, limit);
  const parsed = importFormSchema.safeParse({
    paths: form.getAll("path"),
    files: form.getAll("file"),
    publish: form.get("publish"),
  });
  if (!parsed.success) {
    const tooMany = form.getAll("file").length > MAX_IMPORT_FILES;
    throw tooMany ? importError("INVALID_INPUT", "tooMany") : importError("INVALID_INPUT", "notForm");
  }
  if (parsed.data.files.length === 0) throw importError("INVALID_INPUT", "noFiles");
  const files = await Promise.all(parsed.data.files.map(async (file, index) => ({ path: parsed.data.paths[index]!, data: Buffer.from(await file.arrayBuffer()) })));
  return runEditionImport({ db, storage: options.storage, actor, source: uploadedSource(files), publish: parsed.data.publish === "1", via: "dashboard" });
}

/** Parses the multipart body, counting bytes as they arrive: more than `limit` stops the upload. */
async function readForm(body: ReadableStream<Uint8Array>, contentType: string | null, limit: number): Promise<FormData> {
  if (!contentType || !/^multipart\/form-data;/i.test(contentType)) {
    await body.cancel().catch(() => {});
    throw importError("INVALID_INPUT", "notForm");
  }
  let total = 0;
  let exceeded = false;
  const counted = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        total += chunk.byteLength;
        if (total > limit) {
          exceeded = true;
          controller.error(new Error("upload too large"));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  try {
    return await new Response(counted, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw exceeded ? importError("FILE_TOO_LARGE", "tooLarge") : importError("INVALID_INPUT", "notForm");
  }
}

type ErrorKey = keyof EditionImportMessages["errors"];

function importError(code: AppErrorCode, key: ErrorKey): AppError {
  const text = (locale: "zh-CN" | "en") => {
    const message = editionImportMessages[locale].errors[key];
    return typeof message === "function" ? message(MAX_IMPORT_FILES) : message;
  };
  return new AppError(code, { "zh-CN": text("zh-CN"), en: text("en") });
}
