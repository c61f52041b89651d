CREATE TABLE "application_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reason" text,
	"person_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_events_kind_check" CHECK ("application_events"."kind" in ('created', 'submitted', 'reopened'))
);
--> statement-breakpoint
CREATE TABLE "application_initiatives" (
	"application_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "application_initiatives_application_id_initiative_id_pk" PRIMARY KEY("application_id","initiative_id")
);
--> statement-breakpoint
CREATE TABLE "application_photos" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"alt" text DEFAULT '' NOT NULL,
	"content_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"thumbnail" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_revisions" (
	"application_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"saved_by" uuid,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_revisions_application_id_version_pk" PRIMARY KEY("application_id","version")
);
--> statement-breakpoint
CREATE TABLE "application_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"territory_code" text NOT NULL,
	"content" jsonb NOT NULL,
	"overall_score" numeric NOT NULL,
	"coverage" numeric NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"territory_code" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"interview" jsonb DEFAULT '{"answers":{},"consent":false}'::jsonb NOT NULL,
	"contacts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"based_on" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	CONSTRAINT "applications_year_territory_unique" UNIQUE("year","territory_code"),
	CONSTRAINT "applications_state_check" CHECK ("applications"."state" in ('draft', 'submitted')),
	CONSTRAINT "applications_submitted_check" CHECK (("applications"."state" = 'submitted') = ("applications"."submitted_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "campaign_reminders" (
	"year" integer NOT NULL,
	"territory_code" text NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_reminders_year_territory_code_kind_pk" PRIMARY KEY("year","territory_code","kind")
);
--> statement-breakpoint
CREATE TABLE "campaign_settings" (
	"year" integer PRIMARY KEY NOT NULL,
	"self_assessment_parameters" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "questionnaires" (
	"year" integer NOT NULL,
	"category" text NOT NULL,
	"definition" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "questionnaires_year_category_pk" PRIMARY KEY("year","category"),
	CONSTRAINT "questionnaires_category_check" CHECK ("questionnaires"."category" in ('village', 'ville', 'territoire'))
);
--> statement-breakpoint
CREATE TABLE "self_assessment_exclusions" (
	"territory_code" text NOT NULL,
	"service_id" text NOT NULL,
	"reason" text NOT NULL,
	"declared_by" uuid,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "self_assessment_exclusions_territory_code_service_id_pk" PRIMARY KEY("territory_code","service_id"),
	CONSTRAINT "self_assessment_exclusions_reason_check" CHECK (length(trim("self_assessment_exclusions"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "edition_state_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"reason" text,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "opens_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "closes_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "jury_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "ceremony_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "referential_version" text;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "based_on" integer;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_person_id_users_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_initiatives" ADD CONSTRAINT "application_initiatives_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_initiatives" ADD CONSTRAINT "application_initiatives_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_photos" ADD CONSTRAINT "application_photos_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_photos" ADD CONSTRAINT "application_photos_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_revisions" ADD CONSTRAINT "application_revisions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_revisions" ADD CONSTRAINT "application_revisions_saved_by_users_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_snapshots" ADD CONSTRAINT "application_snapshots_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_snapshots" ADD CONSTRAINT "application_snapshots_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_year_editions_year_fk" FOREIGN KEY ("year") REFERENCES "public"."editions"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_territory_code_territories_code_fk" FOREIGN KEY ("territory_code") REFERENCES "public"."territories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_reminders" ADD CONSTRAINT "campaign_reminders_year_editions_year_fk" FOREIGN KEY ("year") REFERENCES "public"."editions"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_reminders" ADD CONSTRAINT "campaign_reminders_territory_code_territories_code_fk" FOREIGN KEY ("territory_code") REFERENCES "public"."territories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_settings" ADD CONSTRAINT "campaign_settings_year_editions_year_fk" FOREIGN KEY ("year") REFERENCES "public"."editions"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD CONSTRAINT "questionnaires_year_editions_year_fk" FOREIGN KEY ("year") REFERENCES "public"."editions"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD CONSTRAINT "questionnaires_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment_exclusions" ADD CONSTRAINT "self_assessment_exclusions_territory_code_territories_code_fk" FOREIGN KEY ("territory_code") REFERENCES "public"."territories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment_exclusions" ADD CONSTRAINT "self_assessment_exclusions_service_id_service_identities_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service_identities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment_exclusions" ADD CONSTRAINT "self_assessment_exclusions_declared_by_users_id_fk" FOREIGN KEY ("declared_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_state_changes" ADD CONSTRAINT "edition_state_changes_year_editions_year_fk" FOREIGN KEY ("year") REFERENCES "public"."editions"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_state_changes" ADD CONSTRAINT "edition_state_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_events_application_idx" ON "application_events" USING btree ("application_id","at");--> statement-breakpoint
CREATE INDEX "application_initiatives_initiative_idx" ON "application_initiatives" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "application_snapshots_application_idx" ON "application_snapshots" USING btree ("application_id","submitted_at");--> statement-breakpoint
CREATE INDEX "application_snapshots_territory_idx" ON "application_snapshots" USING btree ("territory_code","year");--> statement-breakpoint
CREATE INDEX "applications_territory_idx" ON "applications" USING btree ("territory_code");--> statement-breakpoint
CREATE INDEX "edition_state_changes_year_idx" ON "edition_state_changes" USING btree ("year","changed_at");--> statement-breakpoint
ALTER TABLE "editions" ADD CONSTRAINT "editions_referential_version_referential_versions_version_fk" FOREIGN KEY ("referential_version") REFERENCES "public"."referential_versions"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "editions" ADD CONSTRAINT "editions_calendar_check" CHECK (("editions"."opens_at" is null and "editions"."closes_at" is null and "editions"."jury_at" is null and "editions"."ceremony_at" is null) or ("editions"."opens_at" < "editions"."closes_at" and "editions"."closes_at" < "editions"."jury_at" and "editions"."jury_at" < "editions"."ceremony_at"));