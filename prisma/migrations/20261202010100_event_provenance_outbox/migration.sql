-- Where an event came from, beyond its source kind: the import or the automation run that recorded
-- it, so an import can be listed and undone and an automation's own events recognised. No foreign
-- keys yet: the imports and automation runs tables come with those features.

-- AlterTable
ALTER TABLE "events" ADD COLUMN "import_id" UUID,
ADD COLUMN "automation_run_id" UUID;

-- Partial: nearly every event has neither, and an index entry per event would cost every insert.
-- CreateIndex
CREATE INDEX "events_merchant_id_import_id_idx" ON "events"("merchant_id", "import_id") WHERE "import_id" IS NOT NULL;

-- CreateIndex
CREATE INDEX "events_merchant_id_automation_run_id_idx" ON "events"("merchant_id", "automation_run_id") WHERE "automation_run_id" IS NOT NULL;

-- The transactional outbox: every statement that records events also writes one row here naming
-- them, in the same transaction, so automations (consumed through the job queue) see exactly the
-- events that committed, never one that rolled back, and none is lost between commit and enqueue.
-- One row per recorded batch, not per event: ingest pays one small insert per statement.
-- CreateTable
CREATE TABLE "event_outbox" (
    "merchant_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "event_ids" UUID[] NOT NULL,
    "source" "EventSource" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_outbox_pkey" PRIMARY KEY ("merchant_id","id")
);

-- Consumers read oldest first across merchants.
-- CreateIndex
CREATE INDEX "event_outbox_created_at_idx" ON "event_outbox"("created_at");
