CREATE TABLE "slack_users" (
	"id" text PRIMARY KEY NOT NULL,
	"display_name" text,
	"real_name" text,
	"tz" text,
	"updated_at" timestamp with time zone NOT NULL
);
