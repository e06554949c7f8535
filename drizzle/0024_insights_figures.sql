CREATE TABLE "incident_figures" (
	"incident_id" integer PRIMARY KEY NOT NULL,
	"declared" timestamp with time zone NOT NULL,
	"detected" timestamp with time zone NOT NULL,
	"acknowledged" timestamp with time zone,
	"ack_from" timestamp with time zone NOT NULL,
	"mitigated" timestamp with time zone,
	"resolved" timestamp with time zone NOT NULL,
	"peak" text NOT NULL,
	"detect" integer,
	"acknowledge" integer,
	"mitigate" integer,
	"resolve" integer,
	"stretch_users" text[] NOT NULL,
	"stretch_from" timestamp with time zone[] NOT NULL,
	"stretch_to" timestamp with time zone[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_figures_stale" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"incident_id" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incident_figures" ADD CONSTRAINT "incident_figures_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_figures_resolved_idx" ON "incident_figures" USING btree ("resolved");--> statement-breakpoint
CREATE INDEX "incident_figures_stale_incident_idx" ON "incident_figures_stale" USING btree ("incident_id");--> statement-breakpoint
-- Any change to an incident's timeline marks the incident's figures stale (one row per statement and incident).
CREATE FUNCTION "incident_figures_mark_events"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO incident_figures_stale (incident_id) SELECT DISTINCT incident_id FROM changed;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "timeline_events_insert_figures" AFTER INSERT ON "timeline_events" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "incident_figures_mark_events"();--> statement-breakpoint
CREATE TRIGGER "timeline_events_update_figures" AFTER UPDATE ON "timeline_events" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "incident_figures_mark_events"();--> statement-breakpoint
CREATE TRIGGER "timeline_events_delete_figures" AFTER DELETE ON "timeline_events" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "incident_figures_mark_events"();--> statement-breakpoint
-- So does a change to one of the incident's columns the figures are derived from.
CREATE FUNCTION "incident_figures_mark_incidents"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO incident_figures_stale (incident_id)
  SELECT n.id FROM after_rows n JOIN before_rows o ON o.id = n.id
  WHERE (n.status, n.severity, n.started_at, n.detected_at, n.declared_at, n.resolved_at)
    IS DISTINCT FROM (o.status, o.severity, o.started_at, o.detected_at, o.declared_at, o.resolved_at);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "incidents_update_figures" AFTER UPDATE ON "incidents" REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows FOR EACH STATEMENT EXECUTE FUNCTION "incident_figures_mark_incidents"();--> statement-breakpoint
-- Incidents resolved before this migration have no figures yet: the first refresh derives them.
INSERT INTO "incident_figures_stale" ("incident_id") SELECT "id" FROM "incidents" WHERE "status" = 'resolved';
