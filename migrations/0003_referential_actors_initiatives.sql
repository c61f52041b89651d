CREATE TABLE "referential_axes" (
	"version" text NOT NULL,
	"id" text NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "referential_axes_version_id_pk" PRIMARY KEY("version","id")
);
--> statement-breakpoint
CREATE TABLE "referential_services" (
	"version" text NOT NULL,
	"id" text NOT NULL,
	"theme_id" text NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"responsible_digital" boolean DEFAULT false NOT NULL,
	CONSTRAINT "referential_services_version_id_pk" PRIMARY KEY("version","id")
);
--> statement-breakpoint
CREATE TABLE "referential_themes" (
	"version" text NOT NULL,
	"id" text NOT NULL,
	"axis_id" text NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "referential_themes_version_id_pk" PRIMARY KEY("version","id")
);
--> statement-breakpoint
CREATE TABLE "referential_versions" (
	"version" text PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"based_on" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "referential_versions_state_check" CHECK ("referential_versions"."state" in ('draft', 'published'))
);
--> statement-breakpoint
CREATE TABLE "service_identities" (
	"id" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "actors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"website" text,
	"siren" text,
	"search_name" text GENERATED ALWAYS AS (search_normalize(name)) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "actors_search_name_unique" UNIQUE("search_name"),
	CONSTRAINT "actors_kind_check" CHECK ("actors"."kind" in ('company', 'association', 'public_body'))
);
--> statement-breakpoint
CREATE TABLE "initiative_actors" (
	"initiative_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	CONSTRAINT "initiative_actors_initiative_id_actor_id_pk" PRIMARY KEY("initiative_id","actor_id")
);
--> statement-breakpoint
CREATE TABLE "initiative_indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"initiative_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"value" numeric NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"measured_on" date
);
--> statement-breakpoint
CREATE TABLE "initiative_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"position" integer NOT NULL,
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
CREATE TABLE "initiative_revisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"initiative_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"event" text NOT NULL,
	"changed_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"snapshot" jsonb NOT NULL,
	CONSTRAINT "initiative_revisions_version_unique" UNIQUE("initiative_id","version")
);
--> statement-breakpoint
CREATE TABLE "initiative_services" (
	"initiative_id" uuid NOT NULL,
	"service_id" text NOT NULL,
	CONSTRAINT "initiative_services_initiative_id_service_id_pk" PRIMARY KEY("initiative_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_code" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"start_date" date,
	"end_date" date,
	"audiences" text[] DEFAULT '{}'::text[] NOT NULL,
	"responsible_digital" boolean DEFAULT false NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"contact_name" text,
	"contact_email" text,
	"visibility" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"moderation_reason" text,
	"moderated_at" timestamp with time zone,
	"moderated_by" uuid,
	CONSTRAINT "initiatives_status_check" CHECK ("initiatives"."status" in ('planned', 'in_progress', 'done', 'abandoned')),
	CONSTRAINT "initiatives_visibility_check" CHECK ("initiatives"."visibility" in ('draft', 'public')),
	CONSTRAINT "initiatives_dates_check" CHECK ("initiatives"."end_date" is null or "initiatives"."start_date" is null or "initiatives"."end_date" >= "initiatives"."start_date")
);
--> statement-breakpoint
ALTER TABLE "referential_axes" ADD CONSTRAINT "referential_axes_version_referential_versions_version_fk" FOREIGN KEY ("version") REFERENCES "public"."referential_versions"("version") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referential_services" ADD CONSTRAINT "referential_services_id_service_identities_id_fk" FOREIGN KEY ("id") REFERENCES "public"."service_identities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referential_services" ADD CONSTRAINT "referential_services_version_theme_id_referential_themes_version_id_fk" FOREIGN KEY ("version","theme_id") REFERENCES "public"."referential_themes"("version","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referential_themes" ADD CONSTRAINT "referential_themes_version_axis_id_referential_axes_version_id_fk" FOREIGN KEY ("version","axis_id") REFERENCES "public"."referential_axes"("version","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actors" ADD CONSTRAINT "actors_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_actors" ADD CONSTRAINT "initiative_actors_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_actors" ADD CONSTRAINT "initiative_actors_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_indicators" ADD CONSTRAINT "initiative_indicators_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_photos" ADD CONSTRAINT "initiative_photos_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_photos" ADD CONSTRAINT "initiative_photos_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_revisions" ADD CONSTRAINT "initiative_revisions_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_revisions" ADD CONSTRAINT "initiative_revisions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_services" ADD CONSTRAINT "initiative_services_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_services" ADD CONSTRAINT "initiative_services_service_id_service_identities_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service_identities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_territory_code_territories_code_fk" FOREIGN KEY ("territory_code") REFERENCES "public"."territories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_moderated_by_users_id_fk" FOREIGN KEY ("moderated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referential_services_id_idx" ON "referential_services" USING btree ("id");--> statement-breakpoint
CREATE INDEX "actors_search_name_trgm_idx" ON "actors" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "initiative_actors_actor_idx" ON "initiative_actors" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "initiative_indicators_initiative_idx" ON "initiative_indicators" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "initiative_photos_initiative_idx" ON "initiative_photos" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "initiative_services_service_idx" ON "initiative_services" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "initiatives_territory_idx" ON "initiatives" USING btree ("territory_code");--> statement-breakpoint
CREATE INDEX "initiatives_public_idx" ON "initiatives" USING btree ("published_at") WHERE "initiatives"."visibility" = 'public' and "initiatives"."deleted_at" is null;