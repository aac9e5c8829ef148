-- AlterTable
ALTER TABLE "pages" ADD COLUMN     "replacement_check" JSONB,
ADD COLUMN     "replacement_image_asset_id" UUID,
ADD COLUMN     "replacement_pdf_asset_id" UUID,
ADD COLUMN     "replacement_regions" JSONB;

-- AddForeignKey
ALTER TABLE "pages" ADD CONSTRAINT "pages_replacement_pdf_asset_id_fkey" FOREIGN KEY ("replacement_pdf_asset_id") REFERENCES "assets"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pages" ADD CONSTRAINT "pages_replacement_image_asset_id_fkey" FOREIGN KEY ("replacement_image_asset_id") REFERENCES "assets"("id") ON DELETE SET NULL ON UPDATE CASCADE;
