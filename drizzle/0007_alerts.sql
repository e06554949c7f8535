CREATE TABLE "alerts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"source_name" text NOT NULL,
	"group_key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"status" text NOT NULL,
	"title" text NOT NULL,
	"labels" jsonb NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"details_url" text,
	"incident_id" integer,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "alerts_source_check" CHECK ("alerts"."source" in ('alertmanager', 'webhook')),
	CONSTRAINT "alerts_status_check" CHECK ("alerts"."status" in ('firing', 'resolved'))
);
--> statement-breakpoint
ALTER TABLE "outbox" DROP CONSTRAINT "outbox_kind_check";--> statement-breakpoint
ALTER TABLE "timeline_events" DROP CONSTRAINT "timeline_events_kind_check";--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alerts_group_idx" ON "alerts" USING btree ("source","group_key","fingerprint","id");--> statement-breakpoint
CREATE INDEX "alerts_incident_idx" ON "alerts" USING btree ("incident_id");--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_kind_check" CHECK ("outbox"."kind" in ('channel.create', 'channel.invite', 'card.sync', 'announcement.sync', 'update.post', 'notice.post', 'reminder.post', 'reminder.edit', 'alert.post', 'alert.notice', 'postmortem.publish'));--> statement-breakpoint
ALTER TABLE "timeline_events" ADD CONSTRAINT "timeline_events_kind_check" CHECK ("timeline_events"."kind" in ('declared', 'status_changed', 'severity_changed', 'role_assigned', 'update_posted', 'note_added', 'reminder_sent', 'reminder_escalated', 'update_overdue', 'snoozed', 'resolved', 'reopened', 'action_item_added', 'postmortem_generated', 'alert_fired', 'alert_resolved', 'channel_created', 'postmortem_shared'));