import { readFile } from "node:fs/promises";
import path from "node:path";
import * as mupdf from "mupdf";
import type { Db } from "@/lib/db/client";
import { importEdition } from "@/lib/editions/import-edition";
import type { Storage } from "@/lib/storage/storage";
import { demoDir } from "@/tests/helpers/database";

// Test material for the page tests: the demo edition 2023-03-13 (its A05 has a
// PDF and page image; the other pages have none) and PDFs that must be refused.

export const demoEditionFolder = path.join(demoDir, "editions", "2023-03-13");

export function readFixturePdf(): Promise<Buffer> {
  return readFile(path.join(demoEditionFolder, "A05.pdf"));
}

export async function importDemoEdition(db: Db, storage: Storage) {
  const report = await importEdition({ db, storage, folder: demoEditionFolder });
  const pages = await db.page.findMany({ where: { editionId: report.editionId }, orderBy: { position: "asc" } });
  const page = (number: string) => pages.find((candidate) => candidate.number === number)!;
  return { editionId: report.editionId, page };
}

export function encryptedPdf(pdf: Buffer): Buffer {
  const document = new mupdf.PDFDocument(pdf);
  return Buffer.from(document.saveToBuffer("encrypt=aes-256,user-password=x,owner-password=y").asUint8Array());
}

export function twoPagePdf(pdf: Buffer): Buffer {
  const document = new mupdf.PDFDocument(pdf);
  document.graftPage(-1, new mupdf.PDFDocument(pdf), 0);
  return Buffer.from(document.saveToBuffer("").asUint8Array());
}

/** A one-page PDF with nothing on it (what a wrong export from the layout system looks like). */
export function blankPdf(width = 842, height = 1191): Buffer {
  const document = new mupdf.PDFDocument();
  document.insertPage(-1, document.addPage([0, 0, width, height], 0, {}, ""));
  return Buffer.from(document.saveToBuffer("").asUint8Array());
}

/** The same page with a correction: a filled box drawn over its top left corner (other bytes, another image, the same text). */
export function correctedPdf(pdf: Buffer): Buffer {
  const document = new mupdf.PDFDocument(pdf);
  const page = document.loadPage(0);
  const [x0, y0] = page.getBounds();
  const contents = document.addStream(`q 0.8 0.1 0.1 rg ${x0 + 10} ${y0 + 10} 40 40 re f Q`, {});
  const pageObject = page.getObject();
  const existing = pageObject.get("Contents");
  const array = document.newArray();
  if (existing.isArray()) for (let index = 0; index < existing.length; index += 1) array.push(existing.get(index));
  else array.push(existing);
  array.push(contents);
  pageObject.put("Contents", array);
  return Buffer.from(document.saveToBuffer("").asUint8Array());
}

export const corruptPdf = Buffer.from("%PDF-1.7\n% broken: no objects, no xref\n");

/** A request body as the upload route receives it. */
export function bodyOf(data: Buffer): ReadableStream<Uint8Array> {
  return new Blob([new Uint8Array(data)]).stream();
}
