-- The upcoming reminders list (status SCHEDULED or SENDING, soonest first) walked this index from
-- five years back instead of using (status, dueAt): 40 ms became 600 ms at clinic scale.
-- DropIndex
DROP INDEX "Reminder_dueAt_idx";
