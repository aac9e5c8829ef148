-- CreateEnum
CREATE TYPE "page_render_status" AS ENUM ('NONE', 'PENDING', 'READY', 'FAILED');

-- AlterTable
ALTER TABLE "editions" ADD COLUMN     "schedule_error" TEXT;

-- AlterTable
ALTER TABLE "pages" ADD COLUMN     "pending_pdf_asset_id" UUID,
ADD COLUMN     "render_attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "render_error" TEXT,
ADD COLUMN     "render_status" "page_render_status" NOT NULL DEFAULT 'NONE';

-- AlterTable
ALTER TABLE "regions" ADD COLUMN     "extracted_headline" TEXT,
ADD COLUMN     "moved" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "pages_render_status_idx" ON "pages"("render_status");

-- AddForeignKey
ALTER TABLE "pages" ADD CONSTRAINT "pages_pending_pdf_asset_id_fkey" FOREIGN KEY ("pending_pdf_asset_id") REFERENCES "assets"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Pages imported before this migration already have their rendered image.
UPDATE "pages" SET "render_status" = 'READY' WHERE "image_asset_id" IS NOT NULL;
