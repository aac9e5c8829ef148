-- CreateEnum
CREATE TYPE "TextLayerIssue" AS ENUM ('NO_TEXT', 'GARBLED', 'NOISY_OCR');

-- AlterTable
ALTER TABLE "pages" ADD COLUMN     "text_layer_issue" "TextLayerIssue";

-- AlterTable
ALTER TABLE "articles" ADD COLUMN     "no_byline" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "regions" ADD COLUMN     "extracted_parts" JSONB,
ADD COLUMN     "number" INTEGER NOT NULL DEFAULT 0;

-- Existing regions are numbered in the order they were made, per page.
UPDATE "regions" AS r SET "number" = n.number
FROM (SELECT id, row_number() OVER (PARTITION BY page_id ORDER BY created_at, id) AS number FROM "regions") AS n
WHERE r.id = n.id;
