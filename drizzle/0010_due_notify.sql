-- Wakes every replica when a reminder's due time changes (LISTEN incident_bot_due): the
-- notification is sent when the changing transaction commits, whichever code path changed it.
CREATE OR REPLACE FUNCTION incident_bot_notify_due() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('incident_bot_due', '');
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER incidents_due_inserted AFTER INSERT ON incidents
  FOR EACH ROW WHEN (NEW.next_reminder_at IS NOT NULL) EXECUTE FUNCTION incident_bot_notify_due();
--> statement-breakpoint
CREATE TRIGGER incidents_due_changed AFTER UPDATE OF next_reminder_at, status ON incidents
  FOR EACH ROW WHEN (NEW.next_reminder_at IS DISTINCT FROM OLD.next_reminder_at OR NEW.status IS DISTINCT FROM OLD.status)
  EXECUTE FUNCTION incident_bot_notify_due();
