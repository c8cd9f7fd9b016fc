-- CreateTable
CREATE TABLE "customer_suppressions" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "identifier_hash" TEXT NOT NULL,
    "audit_log_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lifted_at" TIMESTAMPTZ(3),
    "lifted_by_id" UUID,

    CONSTRAINT "customer_suppressions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "customer_suppressions_merchant_id_identifier_hash_key" ON "customer_suppressions"("merchant_id", "identifier_hash");
