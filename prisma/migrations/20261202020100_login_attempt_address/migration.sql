-- Sign-in attempts remember the client address, so failures are limited per account and address
-- (wrong passwords from one place cannot lock the owner out everywhere) and per address.

-- AlterTable
ALTER TABLE "login_attempts" ADD COLUMN "client_address" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "login_attempts_client_address_created_at_idx" ON "login_attempts"("client_address", "created_at");
