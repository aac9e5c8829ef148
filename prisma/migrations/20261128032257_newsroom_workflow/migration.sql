-- AlterTable
ALTER TABLE "articles" ADD COLUMN     "photo_assignee_id" UUID;

-- AlterTable
ALTER TABLE "people" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "article_presence" (
    "article_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "seen_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "article_presence_pkey" PRIMARY KEY ("article_id","user_id")
);

-- CreateIndex
CREATE INDEX "articles_photo_assignee_id_status_idx" ON "articles"("photo_assignee_id", "status");

-- CreateIndex
CREATE INDEX "audit_logs_action_created_at_idx" ON "audit_logs"("action", "created_at" DESC);

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_photo_assignee_id_fkey" FOREIGN KEY ("photo_assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_presence" ADD CONSTRAINT "article_presence_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_presence" ADD CONSTRAINT "article_presence_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
