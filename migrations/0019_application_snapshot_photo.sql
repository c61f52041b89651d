-- The interview's photo frozen with each snapshot (issue 13): a reopened dossier may replace its photo, the jury reads the one submitted; and the dossier's history says when its photo was added, replaced or removed.
CREATE TABLE "application_snapshot_photos" (
	"snapshot_id" uuid PRIMARY KEY NOT NULL,
	"alt" text NOT NULL,
	"content_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"data" "bytea" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "application_events" DROP CONSTRAINT "application_events_kind_check";--> statement-breakpoint
ALTER TABLE "application_snapshot_photos" ADD CONSTRAINT "application_snapshot_photos_snapshot_id_application_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."application_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_kind_check" CHECK ("application_events"."kind" in ('created', 'submitted', 'reopened', 'photo_added', 'photo_replaced', 'photo_removed'));