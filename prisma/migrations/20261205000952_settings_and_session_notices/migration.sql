-- Cross-instance notices, sent by the database itself so that every writer (the portal, scripts,
-- an admin in psql) is covered and a notice goes out only when its change commits.
-- Prisma's schema has no notion of triggers, so this changes nothing it compares.
-- The function bodies are E'' strings with \x3B for the semicolon: the migration runner
-- (adapter-pg's executeScript) splits a script at every semicolon, even inside dollar quotes.

-- settings_changed: a clinic's cached settings changed. Payload: which table and the clinic id,
-- never the values (lib/db/settings-changed.ts).
CREATE FUNCTION notify_settings_changed() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  r jsonb\x3B
BEGIN
  IF TG_OP = ''DELETE'' THEN r := to_jsonb(OLD)\x3B ELSE r := to_jsonb(NEW)\x3B END IF\x3B
  PERFORM pg_notify(''settings_changed'', json_build_object(
    ''setting'', TG_TABLE_NAME,
    ''clinicId'', CASE WHEN TG_TABLE_NAME = ''Clinic'' THEN r ->> ''id'' ELSE r ->> ''clinicId'' END
  )::text)\x3B
  RETURN NULL\x3B
END
';

CREATE TRIGGER "Clinic_settings_changed" AFTER UPDATE ON "Clinic"
  FOR EACH ROW EXECUTE FUNCTION notify_settings_changed();
CREATE TRIGGER "ReminderSettings_settings_changed" AFTER INSERT OR UPDATE OR DELETE ON "ReminderSettings"
  FOR EACH ROW EXECUTE FUNCTION notify_settings_changed();
CREATE TRIGGER "ReminderTemplate_settings_changed" AFTER INSERT OR UPDATE OR DELETE ON "ReminderTemplate"
  FOR EACH ROW EXECUTE FUNCTION notify_settings_changed();
CREATE TRIGGER "ChangeNoticeTemplate_settings_changed" AFTER INSERT OR UPDATE OR DELETE ON "ChangeNoticeTemplate"
  FOR EACH ROW EXECUTE FUNCTION notify_settings_changed();
CREATE TRIGGER "ReadinessSettings_settings_changed" AFTER INSERT OR UPDATE OR DELETE ON "ReadinessSettings"
  FOR EACH ROW EXECUTE FUNCTION notify_settings_changed();

-- session_ended: one of a user's sessions was revoked or deleted, or the user deactivated.
-- Payload: the user id only. A live stream then re-checks its own session (lib/auth/session-watch.ts).
CREATE FUNCTION notify_session_ended() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_TABLE_NAME = ''User'' THEN
    PERFORM pg_notify(''session_ended'', json_build_object(''userId'', NEW."id")::text)\x3B
  ELSE
    PERFORM pg_notify(''session_ended'', json_build_object(''userId'', OLD."userId")::text)\x3B
  END IF\x3B
  RETURN NULL\x3B
END
';

CREATE TRIGGER "AuthSession_revoked" AFTER UPDATE OF "revokedAt" ON "AuthSession"
  FOR EACH ROW WHEN (OLD."revokedAt" IS NULL AND NEW."revokedAt" IS NOT NULL)
  EXECUTE FUNCTION notify_session_ended();
CREATE TRIGGER "AuthSession_deleted" AFTER DELETE ON "AuthSession"
  FOR EACH ROW EXECUTE FUNCTION notify_session_ended();
CREATE TRIGGER "User_deactivated" AFTER UPDATE OF "active" ON "User"
  FOR EACH ROW WHEN (OLD."active" AND NOT NEW."active")
  EXECUTE FUNCTION notify_session_ended();
