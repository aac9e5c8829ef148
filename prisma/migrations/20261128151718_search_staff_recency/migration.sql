-- CreateIndex
CREATE INDEX "article_search_edition_date_updated_at_idx" ON "article_search"("edition_date" DESC, "updated_at" DESC);
