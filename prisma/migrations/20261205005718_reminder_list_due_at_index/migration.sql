-- The reminders list with every status, newest first, found by index instead of sorting all
-- reminders. Partial so that only the every-status list (which states this bound) uses it: a
-- plain dueAt index made the planner walk years of past reminders for the upcoming list.
CREATE INDEX "Reminder_list_dueAt_id_idx" ON "Reminder"("dueAt" DESC, "id") WHERE "dueAt" > '2000-01-01 00:00:00';
