-- The reminders list filtered to SMS fallbacks counts reminders that have one. Without this the
-- count hashed every message ever sent (a sequential scan of 404,000 at clinic scale, 78 ms);
-- partial, so it holds only the fallbacks (67,569 there) and the count reads it alone (32 ms).
CREATE INDEX "ReminderMessage_fallback_reminderId_idx" ON "ReminderMessage"("reminderId") WHERE "channel" = 'SMS' AND "isFallback";
