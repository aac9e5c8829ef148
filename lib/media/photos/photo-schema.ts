import { z } from "zod";
import { cleanText } from "@/lib/validation/safe-text";

// One schema per input, shared by the dashboard form, the API and the domain.

/** Optional text: trimmed, empty means "none". No other normalising: 全角标点 stay as typed. */
const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((value) => value.trim() || null)
    .nullable();

/** 0..1 of the width or height; an empty form field means "none". */
const focal = z.preprocess((value) => (value === "" ? null : value), z.coerce.number().min(0).max(1).nullable()).optional();

export const photoMetadataSchema = z.object({
  caption: optionalText(2000).optional(),
  credit: optionalText(200).optional(),
  altText: optionalText(500).optional(),
  photographerId: z
    .union([z.uuid(), z.literal("")])
    .transform((value) => value || null)
    .nullable()
    .optional(),
  focalX: focal,
  focalY: focal,
});
export type PhotoMetadataInput = z.input<typeof photoMetadataSchema>;
export type PhotoMetadata = z.output<typeof photoMetadataSchema>;

/** The library's search: words in caption, credit, alt text or file name; a date range (taken or uploaded). */
export const photoSearchSchema = z.object({
  q: z.string().trim().max(100).transform((q) => cleanText(q)).optional().default(""),
  from: z.iso.date().optional().or(z.literal("").transform(() => undefined)),
  to: z.iso.date().optional().or(z.literal("").transform(() => undefined)),
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1),
});
export type PhotoSearch = z.input<typeof photoSearchSchema>;
