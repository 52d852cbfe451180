-- The reminders list counts a clinic's reminders. Scoping that count through the appointment
-- (patient and clinician clinics) joined five tables for every reminder the clinic ever had
-- (176-253 ms at 400,000 reminders). The patient's clinic stored on the reminder and indexed
-- with dueAt makes it an index-only count.
ALTER TABLE "Reminder" ADD COLUMN "clinicId" TEXT;

-- Written by the database on insert, from the reminder's patient, so that every writer (each
-- place in lib/reminders that creates reminders, the seed, scripts) is covered and none can
-- get it wrong. A reminder's patient never changes. E'' body and \x3B: the migration runner
-- splits scripts at every semicolon (see 20261205000952_settings_and_session_notices).
CREATE FUNCTION reminder_set_clinic() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  SELECT p."clinicId" INTO NEW."clinicId" FROM "Patient" p WHERE p."id" = NEW."patientId"\x3B
  RETURN NEW\x3B
END
';

CREATE TRIGGER "Reminder_set_clinic" BEFORE INSERT ON "Reminder"
  FOR EACH ROW EXECUTE FUNCTION reminder_set_clinic();

UPDATE "Reminder" r SET "clinicId" = p."clinicId" FROM "Patient" p WHERE p."id" = r."patientId";

CREATE INDEX "Reminder_clinicId_dueAt_idx" ON "Reminder"("clinicId", "dueAt");
