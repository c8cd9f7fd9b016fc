-- Saved segments (lib/segments): a validated definition, compiled to SQL whenever it is asked, so
-- a segment never has a stored member list that could be stale.

-- CreateTable
CREATE TABLE "segments" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "definition" JSONB NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "segments_pkey" PRIMARY KEY ("id")
);

-- The size of each saved segment once per merchant-local day, for the list's sparkline. Taken by
-- the scheduled snapshot job; a day is written once (a re-run of the job leaves it alone).
-- CreateTable
CREATE TABLE "segment_snapshots" (
    "merchant_id" UUID NOT NULL,
    "segment_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "count" INTEGER NOT NULL,
    "taken_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "segment_snapshots_pkey" PRIMARY KEY ("merchant_id","segment_id","day")
);

-- CreateIndex
CREATE UNIQUE INDEX "segments_merchant_id_name_key" ON "segments"("merchant_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "segments_merchant_id_id_key" ON "segments"("merchant_id", "id");

-- AddForeignKey
ALTER TABLE "segments" ADD CONSTRAINT "segments_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "segment_snapshots" ADD CONSTRAINT "segment_snapshots_merchant_id_segment_id_fkey" FOREIGN KEY ("merchant_id", "segment_id") REFERENCES "segments"("merchant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
