-- CreateIndex
CREATE INDEX "Reminder_dueAt_idx" ON "Reminder"("dueAt");

-- CreateIndex
CREATE INDEX "ReminderMessage_acceptedAt_idx" ON "ReminderMessage"("acceptedAt");

-- CreateIndex
CREATE INDEX "ReminderMessage_deliveredAt_idx" ON "ReminderMessage"("deliveredAt");

-- CreateIndex
CREATE INDEX "ReminderMessage_failedAt_idx" ON "ReminderMessage"("failedAt");

-- CreateIndex
CREATE INDEX "ReminderMessage_claimedAt_idx" ON "ReminderMessage"("claimedAt");
