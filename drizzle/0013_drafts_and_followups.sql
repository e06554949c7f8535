CREATE TABLE "postmortem_drafts" (
	"id" serial PRIMARY KEY NOT NULL,
	"incident_id" integer NOT NULL,
	"locale" text NOT NULL,
	"variant" text NOT NULL,
	"version" integer NOT NULL,
	"file_id" text NOT NULL,
	"file_name" text NOT NULL,
	"permalink" text,
	"outbox_id" bigint NOT NULL,
	"written_at" timestamp with time zone NOT NULL,
	CONSTRAINT "postmortem_drafts_locale_check" CHECK ("postmortem_drafts"."locale" in ('en', 'ko')),
	CONSTRAINT "postmortem_drafts_variant_check" CHECK ("postmortem_drafts"."variant" in ('internal', 'external'))
);
--> statement-breakpoint
ALTER TABLE "outbox" DROP CONSTRAINT "outbox_kind_check";--> statement-breakpoint
ALTER TABLE "timeline_events" DROP CONSTRAINT "timeline_events_kind_check";--> statement-breakpoint
ALTER TABLE "action_items" ADD COLUMN "due_notified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "postmortem_drafts" ADD CONSTRAINT "postmortem_drafts_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "postmortem_drafts_version_idx" ON "postmortem_drafts" USING btree ("incident_id","locale","variant","version");--> statement-breakpoint
CREATE UNIQUE INDEX "postmortem_drafts_outbox_idx" ON "postmortem_drafts" USING btree ("outbox_id");--> statement-breakpoint
CREATE INDEX "action_items_due_idx" ON "action_items" USING btree ("due_date") WHERE not "action_items"."done" and "action_items"."due_notified_at" is null and "action_items"."owner_id" is not null and "action_items"."due_date" is not null;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_kind_check" CHECK ("outbox"."kind" in ('channel.create', 'channel.invite', 'card.sync', 'announcement.sync', 'update.post', 'notice.post', 'reminder.post', 'reminder.edit', 'alert.post', 'alert.notice', 'home.refresh', 'home.publish', 'message.fetch', 'postmortem.publish', 'followup.remind'));--> statement-breakpoint
ALTER TABLE "timeline_events" ADD CONSTRAINT "timeline_events_kind_check" CHECK ("timeline_events"."kind" in ('declared', 'status_changed', 'severity_changed', 'role_assigned', 'update_posted', 'note_added', 'entry_edited', 'entry_removed', 'reminder_sent', 'reminder_escalated', 'update_overdue', 'snoozed', 'resolved', 'reopened', 'action_item_added', 'postmortem_generated', 'scenario_changed', 'action_item_done', 'alert_fired', 'alert_resolved', 'channel_created', 'postmortem_shared', 'message_pinned', 'message_unpinned', 'message_edited', 'message_deleted', 'message_fetched'));