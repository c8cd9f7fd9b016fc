-- Spreadsheet imports (lib/imports): one row per uploaded file with its mapping, durable progress
-- (rows_done is committed with each chunk's events, so a resumed import skips exactly what is in),
-- its error rows, the customers it created (for undo), and saved mapping templates.

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed', 'cancelled', 'undone');

-- CreateTable
CREATE TABLE "imports" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "created_by_id" UUID,
    "api_key_id" UUID,
    "file_name" TEXT NOT NULL,
    "file_size" BIGINT NOT NULL,
    "file_path" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "read_choices" JSONB NOT NULL DEFAULT '{}',
    "detection" JSONB,
    "template_name" TEXT,
    "dry_run" BOOLEAN NOT NULL DEFAULT false,
    "status" "ImportStatus" NOT NULL DEFAULT 'queued',
    "cancel_requested" BOOLEAN NOT NULL DEFAULT false,
    "rows_total" INTEGER,
    "rows_done" INTEGER NOT NULL DEFAULT 0,
    "events_created" INTEGER NOT NULL DEFAULT 0,
    "customers_created" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "error_rows" INTEGER NOT NULL DEFAULT 0,
    "grouped_rows" INTEGER NOT NULL DEFAULT 0,
    "failure" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "undone_at" TIMESTAMPTZ(3),

    CONSTRAINT "imports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_errors" (
    "import_id" UUID NOT NULL,
    "line" INTEGER NOT NULL,
    "merchant_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "cells" JSONB NOT NULL,

    CONSTRAINT "import_errors_pkey" PRIMARY KEY ("import_id","line")
);

-- CreateTable
CREATE TABLE "import_customers" (
    "import_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,

    CONSTRAINT "import_customers_pkey" PRIMARY KEY ("import_id","customer_id")
);

-- CreateTable
CREATE TABLE "import_templates" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "header_signature" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "import_templates_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "imports_merchant_id_created_at_idx" ON "imports"("merchant_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "import_templates_merchant_id_name_key" ON "import_templates"("merchant_id", "name");

-- CreateIndex
CREATE INDEX "import_templates_merchant_id_header_signature_idx" ON "import_templates"("merchant_id", "header_signature");

-- AddForeignKey
ALTER TABLE "imports" ADD CONSTRAINT "imports_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_errors" ADD CONSTRAINT "import_errors_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_customers" ADD CONSTRAINT "import_customers_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_templates" ADD CONSTRAINT "import_templates_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
