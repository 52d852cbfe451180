-- CreateEnum
CREATE TYPE "ChangeNoticeKind" AS ENUM ('MOVED', 'CANCELLED');

-- AlterEnum
ALTER TYPE "ReminderSource" ADD VALUE 'CHANGE_NOTICE';

-- AlterTable
ALTER TABLE "Reminder" ADD COLUMN     "noticeKind" "ChangeNoticeKind",
ADD COLUMN     "noticePreviousStartsAt" TIMESTAMP(3),
ADD COLUMN     "noticeStartsAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ChangeNoticeTemplate" (
    "id" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,
    "notice" "ChangeNoticeKind" NOT NULL,
    "kind" "AppointmentKind" NOT NULL,
    "smsBody" TEXT NOT NULL,
    "whatsappContentSid" TEXT,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChangeNoticeTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ChangeNoticeTemplate_clinicId_notice_kind_key" ON "ChangeNoticeTemplate"("clinicId", "notice", "kind");

-- AddForeignKey
ALTER TABLE "ChangeNoticeTemplate" ADD CONSTRAINT "ChangeNoticeTemplate_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data: an SMS counts as a fallback only when WhatsApp was tried and failed first. Earlier rows
-- also marked SMS sent because WhatsApp could not be used at all (no consent, no template).
UPDATE "ReminderMessage" SET "isFallback" = false
WHERE "isFallback" AND "fallbackReason" IS DISTINCT FROM 'WHATSAPP_FAILED';
