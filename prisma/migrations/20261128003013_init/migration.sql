-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "edition_status" AS ENUM ('PLANNING', 'SCHEDULED', 'PUBLISHED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "page_status" AS ENUM ('PLANNING', 'PUBLISHED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "article_status" AS ENUM ('DRAFT', 'SUBMITTED', 'EDITING', 'READY', 'PUBLISHED', 'KILLED');

-- CreateEnum
CREATE TYPE "region_source" AS ENUM ('AUTO', 'MANUAL');

-- CreateEnum
CREATE TYPE "byline_role" AS ENUM ('REPORTER', 'CORRESPONDENT', 'INTERN', 'PHOTOGRAPHER', 'EDITOR');

-- CreateEnum
CREATE TYPE "asset_kind" AS ENUM ('PHOTO', 'PAGE_PDF', 'PAGE_IMAGE', 'LOGO');

-- CreateEnum
CREATE TYPE "role" AS ENUM ('ADMIN', 'EDITOR', 'REPORTER', 'PHOTOGRAPHER');

-- CreateTable
CREATE TABLE "publications" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "timezone" TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "logo_asset_id" UUID,
    "footer_copyright" TEXT,
    "footer_publisher" TEXT,
    "footer_maintainer" TEXT,
    "footer_phone" TEXT,
    "footer_icp" TEXT,
    "footer_license" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "publications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "page_names" (
    "id" UUID NOT NULL,
    "publication_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "default_number" TEXT,
    "position" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "page_names_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "editions" (
    "id" UUID NOT NULL,
    "publication_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "issue_number" INTEGER,
    "status" "edition_status" NOT NULL DEFAULT 'PLANNING',
    "scheduled_at" TIMESTAMPTZ(3),
    "published_at" TIMESTAMPTZ(3),
    "published_by_id" UUID,
    "withdrawn_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "editions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pages" (
    "id" UUID NOT NULL,
    "edition_id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "section" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "page_name_id" UUID,
    "status" "page_status" NOT NULL DEFAULT 'PLANNING',
    "pdf_asset_id" UUID,
    "image_asset_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "articles" (
    "id" UUID NOT NULL,
    "publication_id" UUID NOT NULL,
    "external_id" TEXT,
    "kicker" TEXT,
    "headline" TEXT NOT NULL,
    "subtitle" TEXT,
    "body" JSONB NOT NULL,
    "summary" TEXT,
    "status" "article_status" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "word_count" INTEGER NOT NULL DEFAULT 0,
    "editorial_note" TEXT,
    "planned_date" DATE,
    "planned_page_name_id" UUID,
    "created_by_id" UUID,
    "updated_by_id" UUID,
    "published_at" TIMESTAMPTZ(3),
    "published_by_id" UUID,
    "killed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "articles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "placements" (
    "id" UUID NOT NULL,
    "article_id" UUID NOT NULL,
    "page_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "part" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "placements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "regions" (
    "id" UUID NOT NULL,
    "page_id" UUID NOT NULL,
    "placement_id" UUID,
    "polygon" JSONB NOT NULL,
    "source" "region_source" NOT NULL DEFAULT 'MANUAL',
    "confidence" DOUBLE PRECISION,
    "extracted_text" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "regions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "people" (
    "id" UUID NOT NULL,
    "publication_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "role" "byline_role" NOT NULL DEFAULT 'REPORTER',
    "organisation" TEXT,
    "user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "people_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bylines" (
    "id" UUID NOT NULL,
    "article_id" UUID NOT NULL,
    "person_id" UUID,
    "name" TEXT NOT NULL,
    "role" "byline_role" NOT NULL,
    "organisation" TEXT,
    "display" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "bylines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assets" (
    "id" UUID NOT NULL,
    "kind" "asset_kind" NOT NULL,
    "storage_key" TEXT NOT NULL,
    "original_name" TEXT,
    "mime_type" TEXT NOT NULL,
    "byte_size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "assets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "asset_derivatives" (
    "id" UUID NOT NULL,
    "asset_id" UUID NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "mime_type" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "byte_size" INTEGER NOT NULL,

    CONSTRAINT "asset_derivatives_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "photos" (
    "id" UUID NOT NULL,
    "publication_id" UUID NOT NULL,
    "asset_id" UUID NOT NULL,
    "caption" TEXT,
    "credit" TEXT,
    "photographer_id" UUID,
    "alt_text" TEXT,
    "focal_x" DOUBLE PRECISION,
    "focal_y" DOUBLE PRECISION,
    "taken_at" TIMESTAMPTZ(3),
    "camera" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "photos_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "article_photos" (
    "id" UUID NOT NULL,
    "article_id" UUID NOT NULL,
    "photo_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "caption_override" TEXT,

    CONSTRAINT "article_photos_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "role" NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "session_version" INTEGER NOT NULL DEFAULT 0,
    "last_sign_in_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "revisions" (
    "id" UUID NOT NULL,
    "article_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "note" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "corrections" (
    "id" UUID NOT NULL,
    "article_id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" UUID,

    CONSTRAINT "corrections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_logs" (
    "id" UUID NOT NULL,
    "actor_id" UUID,
    "action" TEXT NOT NULL,
    "entity_type" TEXT,
    "entity_id" TEXT,
    "data" JSONB,
    "ip" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "publications_slug_key" ON "publications"("slug");

-- CreateIndex
CREATE INDEX "page_names_publication_id_position_idx" ON "page_names"("publication_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "page_names_publication_id_name_key" ON "page_names"("publication_id", "name");

-- CreateIndex
CREATE INDEX "editions_publication_id_status_date_idx" ON "editions"("publication_id", "status", "date" DESC);

-- CreateIndex
CREATE INDEX "editions_status_scheduled_at_idx" ON "editions"("status", "scheduled_at");

-- CreateIndex
CREATE UNIQUE INDEX "editions_publication_id_date_key" ON "editions"("publication_id", "date");

-- CreateIndex
CREATE INDEX "pages_edition_id_position_idx" ON "pages"("edition_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "pages_edition_id_number_key" ON "pages"("edition_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "articles_external_id_key" ON "articles"("external_id");

-- CreateIndex
CREATE INDEX "articles_publication_id_status_published_at_idx" ON "articles"("publication_id", "status", "published_at" DESC);

-- CreateIndex
CREATE INDEX "articles_status_updated_at_idx" ON "articles"("status", "updated_at" DESC);

-- CreateIndex
CREATE INDEX "articles_created_by_id_status_idx" ON "articles"("created_by_id", "status");

-- CreateIndex
CREATE INDEX "articles_planned_date_idx" ON "articles"("planned_date");

-- CreateIndex
CREATE INDEX "placements_page_id_position_idx" ON "placements"("page_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "placements_page_id_article_id_key" ON "placements"("page_id", "article_id");

-- CreateIndex
CREATE UNIQUE INDEX "placements_article_id_part_key" ON "placements"("article_id", "part");

-- CreateIndex
CREATE INDEX "regions_page_id_idx" ON "regions"("page_id");

-- CreateIndex
CREATE INDEX "regions_placement_id_idx" ON "regions"("placement_id");

-- CreateIndex
CREATE UNIQUE INDEX "people_user_id_key" ON "people"("user_id");

-- CreateIndex
CREATE INDEX "people_publication_id_name_idx" ON "people"("publication_id", "name");

-- CreateIndex
CREATE INDEX "bylines_person_id_idx" ON "bylines"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "bylines_article_id_position_key" ON "bylines"("article_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "assets_storage_key_key" ON "assets"("storage_key");

-- CreateIndex
CREATE INDEX "assets_sha256_idx" ON "assets"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "asset_derivatives_storage_key_key" ON "asset_derivatives"("storage_key");

-- CreateIndex
CREATE UNIQUE INDEX "asset_derivatives_asset_id_width_mime_type_key" ON "asset_derivatives"("asset_id", "width", "mime_type");

-- CreateIndex
CREATE UNIQUE INDEX "photos_asset_id_key" ON "photos"("asset_id");

-- CreateIndex
CREATE INDEX "photos_publication_id_created_at_idx" ON "photos"("publication_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "article_photos_photo_id_idx" ON "article_photos"("photo_id");

-- CreateIndex
CREATE UNIQUE INDEX "article_photos_article_id_photo_id_key" ON "article_photos"("article_id", "photo_id");

-- CreateIndex
CREATE UNIQUE INDEX "article_photos_article_id_position_key" ON "article_photos"("article_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "revisions_article_id_version_key" ON "revisions"("article_id", "version");

-- CreateIndex
CREATE INDEX "corrections_article_id_published_at_idx" ON "corrections"("article_id", "published_at");

-- CreateIndex
CREATE INDEX "audit_logs_entity_type_entity_id_idx" ON "audit_logs"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_logs_actor_id_created_at_idx" ON "audit_logs"("actor_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_logs_created_at_idx" ON "audit_logs"("created_at" DESC);

-- AddForeignKey
ALTER TABLE "publications" ADD CONSTRAINT "publications_logo_asset_id_fkey" FOREIGN KEY ("logo_asset_id") REFERENCES "assets"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "page_names" ADD CONSTRAINT "page_names_publication_id_fkey" FOREIGN KEY ("publication_id") REFERENCES "publications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "editions" ADD CONSTRAINT "editions_publication_id_fkey" FOREIGN KEY ("publication_id") REFERENCES "publications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "editions" ADD CONSTRAINT "editions_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pages" ADD CONSTRAINT "pages_edition_id_fkey" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pages" ADD CONSTRAINT "pages_page_name_id_fkey" FOREIGN KEY ("page_name_id") REFERENCES "page_names"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pages" ADD CONSTRAINT "pages_pdf_asset_id_fkey" FOREIGN KEY ("pdf_asset_id") REFERENCES "assets"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pages" ADD CONSTRAINT "pages_image_asset_id_fkey" FOREIGN KEY ("image_asset_id") REFERENCES "assets"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_publication_id_fkey" FOREIGN KEY ("publication_id") REFERENCES "publications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_planned_page_name_id_fkey" FOREIGN KEY ("planned_page_name_id") REFERENCES "page_names"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "placements" ADD CONSTRAINT "placements_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "placements" ADD CONSTRAINT "placements_page_id_fkey" FOREIGN KEY ("page_id") REFERENCES "pages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "regions" ADD CONSTRAINT "regions_page_id_fkey" FOREIGN KEY ("page_id") REFERENCES "pages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "regions" ADD CONSTRAINT "regions_placement_id_fkey" FOREIGN KEY ("placement_id") REFERENCES "placements"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "people" ADD CONSTRAINT "people_publication_id_fkey" FOREIGN KEY ("publication_id") REFERENCES "publications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "people" ADD CONSTRAINT "people_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bylines" ADD CONSTRAINT "bylines_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bylines" ADD CONSTRAINT "bylines_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assets" ADD CONSTRAINT "assets_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "asset_derivatives" ADD CONSTRAINT "asset_derivatives_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "photos" ADD CONSTRAINT "photos_publication_id_fkey" FOREIGN KEY ("publication_id") REFERENCES "publications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "photos" ADD CONSTRAINT "photos_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "photos" ADD CONSTRAINT "photos_photographer_id_fkey" FOREIGN KEY ("photographer_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_photos" ADD CONSTRAINT "article_photos_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_photos" ADD CONSTRAINT "article_photos_photo_id_fkey" FOREIGN KEY ("photo_id") REFERENCES "photos"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrections" ADD CONSTRAINT "corrections_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrections" ADD CONSTRAINT "corrections_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
