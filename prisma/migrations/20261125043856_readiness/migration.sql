-- CreateEnum
CREATE TYPE "ReadinessTestKind" AS ENUM ('VIDEO_ROOM', 'WHATSAPP', 'SMS', 'SMS_FALLBACK');

-- CreateEnum
CREATE TYPE "ReadinessTestStatus" AS ENUM ('RUNNING', 'PASSED', 'FAILED');

-- CreateEnum
CREATE TYPE "BillingAlertSource" AS ENUM ('TWILIO_TRIGGER', 'PORTAL_ESTIMATE');

-- CreateTable
CREATE TABLE "ReadinessSettings" (
    "clinicId" TEXT NOT NULL,
    "minimumBalanceUsd" DECIMAL(10,2) NOT NULL DEFAULT 20,
    "alertThresholdsUsd" INTEGER[] DEFAULT ARRAY[10, 50, 100]::INTEGER[],
    "videoParticipantMinuteUsd" DECIMAL(10,6) NOT NULL DEFAULT 0.004,
    "whatsappMessageUsd" DECIMAL(10,6) NOT NULL DEFAULT 0.005,
    "whatsappUtilityTemplateUsd" DECIMAL(10,6) NOT NULL DEFAULT 0.0157,
    "failedMessageUsd" DECIMAL(10,6) NOT NULL DEFAULT 0.001,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReadinessSettings_pkey" PRIMARY KEY ("clinicId")
);

-- CreateTable
CREATE TABLE "ReadinessManualTick" (
    "id" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,
    "item" TEXT NOT NULL,
    "tickedById" TEXT NOT NULL,
    "tickedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReadinessManualTick_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReadinessTestRun" (
    "id" TEXT NOT NULL,
    "kind" "ReadinessTestKind" NOT NULL,
    "status" "ReadinessTestStatus" NOT NULL DEFAULT 'RUNNING',
    "startedById" TEXT NOT NULL,
    "toNumber" TEXT,
    "toHint" TEXT,
    "resourceSid" TEXT,
    "fallbackSid" TEXT,
    "fallbackAt" TIMESTAMP(3),
    "errorCode" INTEGER,
    "outcome" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ReadinessTestRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReadinessTestEvent" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "resourceSid" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "errorCode" INTEGER,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReadinessTestEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BillingAlert" (
    "id" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "thresholdUsd" INTEGER NOT NULL,
    "source" "BillingAlertSource" NOT NULL,
    "amountUsd" DECIMAL(12,4) NOT NULL,
    "firedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedById" TEXT,

    CONSTRAINT "BillingAlert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReadinessManualTick_clinicId_item_key" ON "ReadinessManualTick"("clinicId", "item");

-- CreateIndex
CREATE UNIQUE INDEX "ReadinessTestRun_resourceSid_key" ON "ReadinessTestRun"("resourceSid");

-- CreateIndex
CREATE UNIQUE INDEX "ReadinessTestRun_fallbackSid_key" ON "ReadinessTestRun"("fallbackSid");

-- CreateIndex
CREATE INDEX "ReadinessTestRun_startedAt_idx" ON "ReadinessTestRun"("startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReadinessTestEvent_dedupeKey_key" ON "ReadinessTestEvent"("dedupeKey");

-- CreateIndex
CREATE INDEX "ReadinessTestEvent_runId_receivedAt_idx" ON "ReadinessTestEvent"("runId", "receivedAt");

-- CreateIndex
CREATE INDEX "BillingAlert_acknowledgedAt_idx" ON "BillingAlert"("acknowledgedAt");

-- CreateIndex
CREATE UNIQUE INDEX "BillingAlert_month_thresholdUsd_key" ON "BillingAlert"("month", "thresholdUsd");

-- AddForeignKey
ALTER TABLE "ReadinessTestEvent" ADD CONSTRAINT "ReadinessTestEvent_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ReadinessTestRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
