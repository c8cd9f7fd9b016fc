-- Sessions ended by signing out. A session cookie is a signed token that stays valid until it
-- expires; listing its session id here until then makes a copy of it useless after sign-out,
-- without signing the user out of their other devices.

-- CreateTable
CREATE TABLE "ended_sessions" (
    "session_id" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ended_sessions_pkey" PRIMARY KEY ("session_id")
);

-- CreateIndex
CREATE INDEX "ended_sessions_expires_at_idx" ON "ended_sessions"("expires_at");
