-- CreateIndex
CREATE INDEX "pages_name_idx" ON "pages"("name");
