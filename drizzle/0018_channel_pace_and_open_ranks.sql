CREATE TABLE "channel_pace" (
	"method" text NOT NULL,
	"channel" text NOT NULL,
	"next_at" timestamp with time zone NOT NULL,
	CONSTRAINT "channel_pace_method_channel_pk" PRIMARY KEY("method","channel")
);
--> statement-breakpoint
CREATE INDEX "incident_roles_user_idx" ON "incident_roles" USING btree ("user_id","incident_id");--> statement-breakpoint
CREATE INDEX "incidents_open_rank_idx" ON "incidents" USING btree ("severity","declared_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "incidents"."status" <> 'resolved';--> statement-breakpoint
CREATE INDEX "incidents_open_private_idx" ON "incidents" USING btree ("id") WHERE "incidents"."status" <> 'resolved' and "incidents"."is_private";