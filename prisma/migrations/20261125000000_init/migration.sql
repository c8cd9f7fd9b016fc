-- Punchcard initial schema. Written to match `prisma migrate diff` output for schema.prisma,
-- plus what Prisma's schema language cannot express (extensions, INCLUDE columns, trigram
-- indexes), marked "beyond schema.prisma" below.

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('owner', 'manager', 'staff');

-- CreateEnum
CREATE TYPE "PassStatus" AS ENUM ('not_installed', 'installed', 'uninstalled');

-- CreateEnum
CREATE TYPE "EventType" AS ENUM ('purchase', 'visit', 'check_in', 'check_out', 'redemption', 'scan', 'app_open', 'link_click', 'notification_received', 'notification_opened', 'pass_installed', 'pass_uninstalled', 'pass_registered', 'custom');

-- CreateEnum
CREATE TYPE "EventSource" AS ENUM ('manual', 'api', 'import', 'automation');

-- CreateTable
CREATE TABLE "merchants" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "points_per_currency" DECIMAL(10,4) NOT NULL DEFAULT 1,
    "tiers" JSONB NOT NULL DEFAULT '[{"name":"Silver","minSpend":"500"},{"name":"Gold","minSpend":"1500"}]',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "merchants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "disabled_at" TIMESTAMPTZ(3),
    "session_version" INTEGER NOT NULL DEFAULT 1,
    "last_location_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_attempts" (
    "id" BIGSERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "locations" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "locations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customers" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "external_id" TEXT,
    "pass_serial" TEXT NOT NULL,
    "pass_status" "PassStatus" NOT NULL DEFAULT 'not_installed',
    "points_balance" INTEGER NOT NULL DEFAULT 0,
    "visit_count" INTEGER NOT NULL DEFAULT 0,
    "lifetime_spend" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "tier" TEXT,
    "first_seen_at" TIMESTAMPTZ(3),
    "last_seen_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "events" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "type" "EventType" NOT NULL,
    "custom_name" TEXT,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "amount" DECIMAL(12,2),
    "points" INTEGER NOT NULL DEFAULT 0,
    "location_id" UUID,
    "data" JSONB NOT NULL DEFAULT '{}',
    "source" "EventSource" NOT NULL,
    "idempotency_key" VARCHAR(255),
    "request_hash" TEXT,
    "recorded_by_id" UUID,
    "api_key_id" UUID,
    "voided_at" TIMESTAMPTZ(3),
    "voided_by_id" UUID,
    "void_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "daily_rollups" (
    "merchant_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "type" "EventType" NOT NULL,
    "location_key" TEXT NOT NULL DEFAULT '',
    "count" INTEGER NOT NULL DEFAULT 0,
    "amount" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "points" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "daily_rollups_pkey" PRIMARY KEY ("merchant_id","day","type","location_key")
);

-- CreateTable
CREATE TABLE "customer_rollups" (
    "merchant_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "type" "EventType" NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "amount" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "points" INTEGER NOT NULL DEFAULT 0,
    "first_at" TIMESTAMPTZ(3),
    "last_at" TIMESTAMPTZ(3),

    CONSTRAINT "customer_rollups_pkey" PRIMARY KEY ("merchant_id","customer_id","type")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "rate_limit_per_second" INTEGER NOT NULL DEFAULT 100,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_logs" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "actor_user_id" UUID,
    "actor_api_key_id" UUID,
    "actor_label" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target_type" TEXT,
    "target_id" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "users_merchant_id_idx" ON "users"("merchant_id");

-- CreateIndex
CREATE UNIQUE INDEX "users_merchant_id_id_key" ON "users"("merchant_id", "id");

-- CreateIndex
CREATE INDEX "login_attempts_email_created_at_idx" ON "login_attempts"("email", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "locations_merchant_id_name_key" ON "locations"("merchant_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "locations_merchant_id_id_key" ON "locations"("merchant_id", "id");

-- CreateIndex
CREATE INDEX "customers_merchant_id_email_idx" ON "customers"("merchant_id", "email");

-- CreateIndex
CREATE INDEX "customers_merchant_id_phone_idx" ON "customers"("merchant_id", "phone");

-- CreateIndex
CREATE INDEX "customers_merchant_id_last_seen_at_idx" ON "customers"("merchant_id", "last_seen_at");

-- CreateIndex
CREATE INDEX "customers_merchant_id_lifetime_spend_idx" ON "customers"("merchant_id", "lifetime_spend");

-- CreateIndex
CREATE UNIQUE INDEX "customers_merchant_id_pass_serial_key" ON "customers"("merchant_id", "pass_serial");

-- CreateIndex
CREATE UNIQUE INDEX "customers_merchant_id_external_id_key" ON "customers"("merchant_id", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "customers_merchant_id_id_key" ON "customers"("merchant_id", "id");

-- CreateIndex
CREATE INDEX "events_merchant_id_customer_id_occurred_at_id_idx" ON "events"("merchant_id", "customer_id", "occurred_at" DESC, "id" DESC);

-- CreateIndex (beyond schema.prisma: INCLUDE lets time-window segments and reports read the index alone)
CREATE INDEX "events_merchant_id_type_occurred_at_idx" ON "events"("merchant_id", "type", "occurred_at") INCLUDE ("customer_id", "amount");

-- CreateIndex
CREATE INDEX "events_merchant_id_occurred_at_idx" ON "events"("merchant_id", "occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "events_merchant_id_idempotency_key_key" ON "events"("merchant_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "customer_rollups_merchant_id_type_count_idx" ON "customer_rollups"("merchant_id", "type", "count");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_prefix_key" ON "api_keys"("prefix");

-- CreateIndex
CREATE INDEX "api_keys_merchant_id_idx" ON "api_keys"("merchant_id");

-- CreateIndex
CREATE INDEX "audit_logs_merchant_id_created_at_idx" ON "audit_logs"("merchant_id", "created_at" DESC);

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "locations" ADD CONSTRAINT "locations_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customers" ADD CONSTRAINT "customers_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "events" ADD CONSTRAINT "events_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "events" ADD CONSTRAINT "events_merchant_id_customer_id_fkey" FOREIGN KEY ("merchant_id", "customer_id") REFERENCES "customers"("merchant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "events" ADD CONSTRAINT "events_merchant_id_location_id_fkey" FOREIGN KEY ("merchant_id", "location_id") REFERENCES "locations"("merchant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Beyond schema.prisma: customer search by any fragment of name, email, phone or pass serial.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "customers_search_trgm_idx" ON "customers" USING GIN (
    (coalesce("name", '') || ' ' || coalesce("email", '') || ' ' || coalesce("phone", '') || ' ' || "pass_serial") gin_trgm_ops
);
