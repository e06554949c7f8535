CREATE TABLE "checklist_items" (
	"attachment_id" integer NOT NULL,
	"item_id" text NOT NULL,
	"position" integer NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"assignee_id" text,
	"closed_by" text,
	"closed_at" timestamp with time zone,
	"reason" text,
	"due_at" timestamp with time zone,
	"nudged_at" timestamp with time zone,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "checklist_items_attachment_id_item_id_pk" PRIMARY KEY("attachment_id","item_id"),
	CONSTRAINT "checklist_items_state_check" CHECK ("checklist_items"."state" in ('open', 'assigned', 'done', 'skipped'))
);
--> statement-breakpoint
CREATE TABLE "incident_runbooks" (
	"id" serial PRIMARY KEY NOT NULL,
	"incident_id" integer NOT NULL,
	"runbook_id" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"reason" text NOT NULL,
	"attached_by" text,
	"attached_at" timestamp with time zone NOT NULL,
	CONSTRAINT "incident_runbooks_reason_check" CHECK ("incident_runbooks"."reason" in ('matched', 'manual', 'tasks'))
);
--> statement-breakpoint
ALTER TABLE "outbox" DROP CONSTRAINT "outbox_kind_check";--> statement-breakpoint
ALTER TABLE "timeline_events" DROP CONSTRAINT "timeline_events_kind_check";--> statement-breakpoint
ALTER TABLE "checklist_items" ADD CONSTRAINT "checklist_items_attachment_id_incident_runbooks_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."incident_runbooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_runbooks" ADD CONSTRAINT "incident_runbooks_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checklist_items_assignee_idx" ON "checklist_items" USING btree ("assignee_id") WHERE "checklist_items"."state" = 'assigned';--> statement-breakpoint
CREATE INDEX "checklist_items_due_idx" ON "checklist_items" USING btree ("due_at") WHERE "checklist_items"."state" in ('open', 'assigned') and "checklist_items"."due_at" is not null and "checklist_items"."nudged_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "incident_runbooks_runbook_idx" ON "incident_runbooks" USING btree ("incident_id","runbook_id");--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_kind_check" CHECK ("outbox"."kind" in ('channel.create', 'channel.invite', 'card.sync', 'announcement.sync', 'update.post', 'notice.post', 'reminder.post', 'reminder.edit', 'alert.post', 'alert.notice', 'home.refresh', 'home.publish', 'message.fetch', 'postmortem.publish', 'checklist.sync', 'followup.remind'));--> statement-breakpoint
ALTER TABLE "timeline_events" ADD CONSTRAINT "timeline_events_kind_check" CHECK ("timeline_events"."kind" in ('declared', 'status_changed', 'severity_changed', 'role_assigned', 'update_posted', 'note_added', 'entry_edited', 'entry_removed', 'reminder_sent', 'reminder_escalated', 'update_overdue', 'reminder_withdrawn', 'snoozed', 'resolved', 'reopened', 'action_item_added', 'postmortem_generated', 'scenario_changed', 'action_item_done', 'alert_fired', 'alert_resolved', 'channel_created', 'postmortem_shared', 'message_pinned', 'message_unpinned', 'message_edited', 'message_deleted', 'message_fetched', 'runbook_attached', 'checklist_item_done', 'checklist_item_skipped', 'checklist_item_reopened', 'checklist_item_assigned', 'checklist_item_added'));