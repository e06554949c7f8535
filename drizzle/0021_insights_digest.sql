CREATE TABLE "insights_digests" (
	"scheduled_for" timestamp with time zone PRIMARY KEY NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox" DROP CONSTRAINT "outbox_kind_check";--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_kind_check" CHECK ("outbox"."kind" in ('channel.create', 'channel.invite', 'card.sync', 'announcement.sync', 'update.post', 'notice.post', 'reminder.post', 'reminder.edit', 'alert.post', 'alert.notice', 'home.refresh', 'home.publish', 'message.fetch', 'postmortem.publish', 'checklist.sync', 'followup.remind', 'insights.digest'));