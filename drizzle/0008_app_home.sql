CREATE TABLE "home_tabs" (
	"user_id" text PRIMARY KEY NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "outbox" DROP CONSTRAINT "outbox_kind_check";--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_kind_check" CHECK ("outbox"."kind" in ('channel.create', 'channel.invite', 'card.sync', 'announcement.sync', 'update.post', 'notice.post', 'reminder.post', 'reminder.edit', 'alert.post', 'alert.notice', 'home.refresh', 'home.publish', 'postmortem.publish'));