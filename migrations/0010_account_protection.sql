CREATE TABLE "membership_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"territory_code" text NOT NULL,
	"role" text NOT NULL,
	"display_name" text,
	"invited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_invitations_user_territory_key" UNIQUE("user_id","territory_code"),
	CONSTRAINT "membership_invitations_role_check" CHECK ("membership_invitations"."role" in ('referent', 'contributor', 'reader'))
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "secret_body" text;--> statement-breakpoint
ALTER TABLE "membership_invitations" ADD CONSTRAINT "membership_invitations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_invitations" ADD CONSTRAINT "membership_invitations_territory_code_territories_code_fk" FOREIGN KEY ("territory_code") REFERENCES "public"."territories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_invitations" ADD CONSTRAINT "membership_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "membership_invitations_territory_idx" ON "membership_invitations" USING btree ("territory_code");--> statement-breakpoint
CREATE INDEX "login_failures_ip_at_idx" ON "login_failures" USING btree ("ip","at");--> statement-breakpoint
-- Emails queued before this migration carry their one-time links in clear: a pending one keeps its clear text
-- only until it is sent, and every copy that may be read back shows the link masked (as enqueueEmail now does).
UPDATE "outbox" SET "secret_body" = "body" WHERE "status" = 'pending' AND "body" ~ '/(mot-de-passe|installation)/[A-Za-z0-9_-]{20,}';--> statement-breakpoint
UPDATE "outbox" SET "body" = regexp_replace("body", 'https?://[^[:space:]]*/(mot-de-passe|installation)/[A-Za-z0-9_-]{20,}', '[lien personnel masqué]', 'g');
