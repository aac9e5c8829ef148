import { z } from "zod";
import type { StaffMessages } from "@/lib/i18n/messages/staff";
import { FOOTER_FIELD_MAX_LENGTH, PUBLICATION_NAME_MAX_LENGTH } from "./publication-settings";

// The settings form's input; the domain function checks the same rules again.

export function publicationSettingsSchema(v: StaffMessages["validation"]) {
  const footer = z.string().trim().max(FOOTER_FIELD_MAX_LENGTH, v.tooLong(FOOTER_FIELD_MAX_LENGTH)).default("");
  return z.object({
    publicationId: z.uuid(v.choice),
    name: z.string(v.publicationName).trim().min(1, v.publicationName).max(PUBLICATION_NAME_MAX_LENGTH, v.tooLong(PUBLICATION_NAME_MAX_LENGTH)),
    footerCopyright: footer,
    footerPublisher: footer,
    footerMaintainer: footer,
    footerPhone: footer,
    footerIcp: footer,
    footerLicense: footer,
  });
}
