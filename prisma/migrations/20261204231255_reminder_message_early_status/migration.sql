-- AlterTable
ALTER TABLE "ReminderMessage" ADD COLUMN     "earlyErrorCode" INTEGER,
ADD COLUMN     "earlySid" TEXT,
ADD COLUMN     "earlyStatus" "ReminderMessageStatus",
ADD COLUMN     "earlyStatusAt" TIMESTAMP(3),
ADD COLUMN     "earlyStatusRank" INTEGER;

-- CreateIndex
CREATE INDEX "ReminderMessage_earlyStatusAt_idx" ON "ReminderMessage"("earlyStatusAt");
