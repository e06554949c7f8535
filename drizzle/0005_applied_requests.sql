CREATE TABLE "applied_requests" (
	"key" text PRIMARY KEY NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "applied_requests_applied_at_idx" ON "applied_requests" USING btree ("applied_at");