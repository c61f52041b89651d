CREATE TABLE "distinctions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"position" integer NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"consecutive_top_levels" integer,
	"validity_years" integer,
	CONSTRAINT "distinctions_kind_check" CHECK ("distinctions"."kind" in ('mention', 'excellence')),
	CONSTRAINT "distinctions_excellence_parameters_check" CHECK (("distinctions"."kind" = 'excellence') = ("distinctions"."consecutive_top_levels" is not null and "distinctions"."validity_years" is not null)),
	CONSTRAINT "distinctions_parameters_range_check" CHECK ("distinctions"."consecutive_top_levels" between 1 and 30 and "distinctions"."validity_years" between 1 and 30)
);
--> statement-breakpoint
CREATE TABLE "edition_distinctions" (
	"year" integer NOT NULL,
	"distinction_code" text NOT NULL,
	CONSTRAINT "edition_distinctions_year_distinction_code_pk" PRIMARY KEY("year","distinction_code")
);
--> statement-breakpoint
CREATE TABLE "editions" (
	"year" integer PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "editions_state_check" CHECK ("editions"."state" in ('draft', 'open', 'closed', 'under_review', 'deliberated', 'published')),
	CONSTRAINT "editions_year_check" CHECK ("editions"."year" >= 1999)
);
--> statement-breakpoint
CREATE TABLE "palmares_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"content" text NOT NULL,
	"decisions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" text DEFAULT 'checked' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone,
	"summary" jsonb,
	CONSTRAINT "palmares_imports_state_check" CHECK ("palmares_imports"."state" in ('checked', 'applied'))
);
--> statement-breakpoint
CREATE TABLE "result_distinctions" (
	"year" integer NOT NULL,
	"territory_code" text NOT NULL,
	"distinction_code" text NOT NULL,
	CONSTRAINT "result_distinctions_year_territory_code_distinction_code_pk" PRIMARY KEY("year","territory_code","distinction_code")
);
--> statement-breakpoint
CREATE TABLE "results" (
	"year" integer NOT NULL,
	"territory_code" text NOT NULL,
	"level" smallint NOT NULL,
	"source" text NOT NULL,
	"import_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "results_year_territory_code_pk" PRIMARY KEY("year","territory_code"),
	CONSTRAINT "results_level_check" CHECK ("results"."level" between 1 and 5),
	CONSTRAINT "results_source_check" CHECK ("results"."source" in ('import', 'deliberation'))
);
--> statement-breakpoint
ALTER TABLE "edition_distinctions" ADD CONSTRAINT "edition_distinctions_year_editions_year_fk" FOREIGN KEY ("year") REFERENCES "public"."editions"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_distinctions" ADD CONSTRAINT "edition_distinctions_distinction_code_distinctions_code_fk" FOREIGN KEY ("distinction_code") REFERENCES "public"."distinctions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "palmares_imports" ADD CONSTRAINT "palmares_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_distinctions" ADD CONSTRAINT "result_distinctions_distinction_code_distinctions_code_fk" FOREIGN KEY ("distinction_code") REFERENCES "public"."distinctions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_distinctions" ADD CONSTRAINT "result_distinctions_year_territory_code_results_year_territory_code_fk" FOREIGN KEY ("year","territory_code") REFERENCES "public"."results"("year","territory_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_year_editions_year_fk" FOREIGN KEY ("year") REFERENCES "public"."editions"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_territory_code_territories_code_fk" FOREIGN KEY ("territory_code") REFERENCES "public"."territories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_import_id_palmares_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."palmares_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "result_distinctions_distinction_idx" ON "result_distinctions" USING btree ("distinction_code","year");--> statement-breakpoint
CREATE INDEX "results_territory_idx" ON "results" USING btree ("territory_code");--> statement-breakpoint
-- The distinctions catalogue: the thematic mentions offered since 2022 and the multi-year distinction.
INSERT INTO "distinctions" ("code", "name", "kind", "description", "position", "aliases", "consecutive_top_levels", "validity_years") VALUES
  ('verte', '@ verte', 'mention', 'Transition écologique : une politique numérique attentive à son impact sur l''environnement.', 1, ARRAY['arobase verte', 'verte', 'a verte', 'transition ecologique', 'numerique responsable'], NULL, NULL),
  ('democratie-locale', 'Mention Démocratie locale', 'mention', 'La participation des habitants aux décisions grâce au numérique.', 2, ARRAY['democratie locale'], NULL, NULL),
  ('mediation-numerique', 'Mention Médiation numérique', 'mention', 'L''accompagnement de chacun vers l''autonomie numérique.', 3, ARRAY['mediation numerique', 'mediation'], NULL, NULL),
  ('numerique-educatif', 'Mention Numérique éducatif', 'mention', 'Le numérique au service de l''école et de l''éducation.', 4, ARRAY['numerique educatif', 'education'], NULL, NULL),
  ('excellence', 'Territoire d''excellence numérique', 'excellence', 'La constance récompensée : accordée après plusieurs labels consécutifs au plus haut niveau, valable plusieurs années.', 5, ARRAY['territoire d excellence numerique', 'excellence numerique', 'excellence'], 6, 3);
