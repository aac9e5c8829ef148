-- CreateTable
CREATE TABLE "article_search" (
    "article_id" UUID NOT NULL,
    "publication_id" UUID NOT NULL,
    "document" tsvector NOT NULL,
    "visible" BOOLEAN NOT NULL,
    "status" "article_status" NOT NULL,
    "edition_date" DATE,
    "page_names" TEXT[],
    "byline_person_ids" UUID[],
    "byline_names" TEXT[],
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "segmenter_version" INTEGER NOT NULL,

    CONSTRAINT "article_search_pkey" PRIMARY KEY ("article_id")
);

-- CreateIndex
CREATE INDEX "article_search_document_idx" ON "article_search" USING GIN ("document");

-- CreateIndex
CREATE INDEX "article_search_publication_id_visible_edition_date_idx" ON "article_search"("publication_id", "visible", "edition_date" DESC);

-- CreateIndex
CREATE INDEX "article_search_status_updated_at_idx" ON "article_search"("status", "updated_at" DESC);

-- CreateIndex
CREATE INDEX "article_search_page_names_idx" ON "article_search" USING GIN ("page_names");

-- CreateIndex
CREATE INDEX "article_search_byline_person_ids_idx" ON "article_search" USING GIN ("byline_person_ids");

-- AddForeignKey
ALTER TABLE "article_search" ADD CONSTRAINT "article_search_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
