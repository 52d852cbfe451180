-- CreateEnum
CREATE TYPE "ReminderStatus" AS ENUM ('SCHEDULED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED', 'CANCELLED', 'SKIPPED');

-- CreateEnum
CREATE TYPE "ReminderSource" AS ENUM ('POLICY', 'STAFF', 'RESEND');

-- CreateEnum
CREATE TYPE "ReminderMessageStatus" AS ENUM ('CLAIMED', 'RETRY', 'UNCERTAIN', 'QUEUED', 'SENT', 'DELIVERED', 'READ', 'UNDELIVERED', 'FAILED');

-- CreateEnum
CREATE TYPE "ReplyIntent" AS ENUM ('CONFIRM', 'RESCHEDULE', 'OPT_OUT', 'OPT_IN', 'HELP', 'UNKNOWN');

-- CreateTable
CREATE TABLE "ReminderSettings" (
    "clinicId" TEXT NOT NULL,
    "offsetsMinutes" INTEGER[],
    "quietStart" TEXT NOT NULL DEFAULT '20:00',
    "quietEnd" TEXT NOT NULL DEFAULT '08:00',
    "whatsappEnabled" BOOLEAN NOT NULL DEFAULT true,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReminderSettings_pkey" PRIMARY KEY ("clinicId")
);

-- CreateTable
CREATE TABLE "ReminderTemplate" (
    "id" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,
    "kind" "AppointmentKind" NOT NULL,
    "smsBody" TEXT NOT NULL,
    "whatsappContentSid" TEXT,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReminderTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reminder" (
    "id" TEXT NOT NULL,
    "appointmentId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "source" "ReminderSource" NOT NULL,
    "offsetMinutes" INTEGER NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "movedByQuietHours" BOOLEAN NOT NULL DEFAULT false,
    "status" "ReminderStatus" NOT NULL DEFAULT 'SCHEDULED',
    "reason" TEXT,
    "errorCode" INTEGER,
    "jobId" TEXT,
    "sentAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Reminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderMessage" (
    "id" TEXT NOT NULL,
    "reminderId" TEXT NOT NULL,
    "channel" "MessageChannel" NOT NULL,
    "status" "ReminderMessageStatus" NOT NULL DEFAULT 'CLAIMED',
    "statusRank" INTEGER NOT NULL DEFAULT 0,
    "isFallback" BOOLEAN NOT NULL DEFAULT false,
    "fallbackReason" TEXT,
    "toAddress" TEXT NOT NULL,
    "fromAddress" TEXT NOT NULL,
    "bodyHash" TEXT,
    "claimToken" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "twilioSid" TEXT,
    "errorCode" INTEGER,
    "acceptedAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "failedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReminderMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessageStatusEvent" (
    "id" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "messageSid" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "errorCode" INTEGER,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MessageStatusEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderEvent" (
    "id" TEXT NOT NULL,
    "reminderId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "type" TEXT NOT NULL,
    "channel" "MessageChannel",
    "errorCode" INTEGER,
    "detail" TEXT,
    "actorId" TEXT,

    CONSTRAINT "ReminderEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboundReply" (
    "id" TEXT NOT NULL,
    "messageSid" TEXT NOT NULL,
    "channel" "MessageChannel" NOT NULL,
    "fromAddress" TEXT NOT NULL,
    "clinicId" TEXT,
    "patientId" TEXT,
    "appointmentId" TEXT,
    "reminderId" TEXT,
    "intent" "ReplyIntent" NOT NULL,
    "keyword" TEXT,
    "body" TEXT NOT NULL,
    "needsAttention" BOOLEAN NOT NULL DEFAULT false,
    "handledAt" TIMESTAMP(3),
    "handledById" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InboundReply_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReminderTemplate_clinicId_kind_key" ON "ReminderTemplate"("clinicId", "kind");

-- CreateIndex
CREATE INDEX "Reminder_status_dueAt_idx" ON "Reminder"("status", "dueAt");

-- CreateIndex
CREATE INDEX "Reminder_appointmentId_idx" ON "Reminder"("appointmentId");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderMessage_twilioSid_key" ON "ReminderMessage"("twilioSid");

-- CreateIndex
CREATE INDEX "ReminderMessage_status_claimedAt_idx" ON "ReminderMessage"("status", "claimedAt");

-- CreateIndex
CREATE INDEX "ReminderMessage_toAddress_acceptedAt_idx" ON "ReminderMessage"("toAddress", "acceptedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderMessage_reminderId_channel_key" ON "ReminderMessage"("reminderId", "channel");

-- CreateIndex
CREATE UNIQUE INDEX "MessageStatusEvent_dedupeKey_key" ON "MessageStatusEvent"("dedupeKey");

-- CreateIndex
CREATE INDEX "MessageStatusEvent_messageSid_idx" ON "MessageStatusEvent"("messageSid");

-- CreateIndex
CREATE INDEX "ReminderEvent_reminderId_at_idx" ON "ReminderEvent"("reminderId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "InboundReply_messageSid_key" ON "InboundReply"("messageSid");

-- CreateIndex
CREATE INDEX "InboundReply_needsAttention_receivedAt_idx" ON "InboundReply"("needsAttention", "receivedAt");

-- CreateIndex
CREATE INDEX "InboundReply_appointmentId_idx" ON "InboundReply"("appointmentId");

-- AddForeignKey
ALTER TABLE "ReminderSettings" ADD CONSTRAINT "ReminderSettings_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderTemplate" ADD CONSTRAINT "ReminderTemplate_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_appointmentId_fkey" FOREIGN KEY ("appointmentId") REFERENCES "Appointment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderMessage" ADD CONSTRAINT "ReminderMessage_reminderId_fkey" FOREIGN KEY ("reminderId") REFERENCES "Reminder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderEvent" ADD CONSTRAINT "ReminderEvent_reminderId_fkey" FOREIGN KEY ("reminderId") REFERENCES "Reminder"("id") ON DELETE CASCADE ON UPDATE CASCADE;
