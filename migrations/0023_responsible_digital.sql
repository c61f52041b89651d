-- Responsible digital (issue 15): diagnostics and their answers, indicators and their values, the roadmap, the charter, the strategy's reviews, what is public.
CREATE TABLE "nr_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_code" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"theme_id" text NOT NULL,
	"owner" text DEFAULT '' NOT NULL,
	"due_on" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"origin" text NOT NULL,
	"quick_win_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nr_actions_quick_win_unique" UNIQUE("territory_code","quick_win_id"),
	CONSTRAINT "nr_actions_theme_check" CHECK ("nr_actions"."theme_id" in ('gouvernance', 'sensibilisation', 'achats', 'parc', 'reseaux-donnees', 'usages', 'ecoconception')),
	CONSTRAINT "nr_actions_status_check" CHECK ("nr_actions"."status" in ('planned', 'in_progress', 'done', 'abandoned')),
	CONSTRAINT "nr_actions_origin_check" CHECK ("nr_actions"."origin" in ('quickWin', 'weakTheme', 'manual')),
	CONSTRAINT "nr_actions_quick_win_check" CHECK (("nr_actions"."origin" = 'quickWin') = ("nr_actions"."quick_win_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "nr_answers" (
	"diagnostic_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"level" smallint NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"answered_by" uuid,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nr_answers_diagnostic_id_question_id_pk" PRIMARY KEY("diagnostic_id","question_id"),
	CONSTRAINT "nr_answers_level_check" CHECK ("nr_answers"."level" between 0 and 3)
);
--> statement-breakpoint
CREATE TABLE "nr_charter_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_code" text NOT NULL,
	"signed_on" date NOT NULL,
	"signatory" text NOT NULL,
	"role" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nr_custom_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_code" text NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nr_custom_indicators_name_unique" UNIQUE("territory_code","name")
);
--> statement-breakpoint
CREATE TABLE "nr_diagnostics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_code" text NOT NULL,
	"model_version" text NOT NULL,
	"started_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "nr_indicator_values" (
	"territory_code" text NOT NULL,
	"indicator" text NOT NULL,
	"measured_on" date NOT NULL,
	"value" numeric(14, 3) NOT NULL,
	"source" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"entered_by" uuid,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nr_indicator_values_territory_code_indicator_measured_on_pk" PRIMARY KEY("territory_code","indicator","measured_on"),
	CONSTRAINT "nr_indicator_values_source_check" CHECK ("nr_indicator_values"."source" in ('manual', 'csv'))
);
--> statement-breakpoint
CREATE TABLE "nr_publicity" (
	"territory_code" text PRIMARY KEY NOT NULL,
	"maturity" boolean DEFAULT false NOT NULL,
	"charter" boolean DEFAULT false NOT NULL,
	"indicators" boolean DEFAULT false NOT NULL,
	"roadmap" boolean DEFAULT false NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nr_strategy_reviews" (
	"territory_code" text NOT NULL,
	"year" integer NOT NULL,
	"adopted_on" date,
	"summary" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nr_strategy_reviews_territory_code_year_pk" PRIMARY KEY("territory_code","year")
);
--> statement-breakpoint
ALTER TABLE "nr_actions" ADD CONSTRAINT "nr_actions_territory_code_territories_code_fk" FOREIGN KEY ("territory_code") REFERENCES "public"."territories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nr_actions" ADD CONSTRAINT "nr_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nr_answers" ADD CONSTRAINT "nr_answers_diagnostic_id_nr_diagnostics_id_fk" FOREIGN KEY ("diagnostic_id") REFERENCES "public"."nr_diagnostics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nr_answers" ADD CONSTRAINT "nr_answers_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nr_charter_signatures" ADD CONSTRAINT "nr_charter_signatures_territory_code_territories_code_fk" FOREIGN KEY ("territory_code") REFERENCES "public"."territories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nr_charter_signatures" ADD CONSTRAINT "nr_charter_signatures_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nr_custom_indicators" ADD CONSTRAINT "nr_custom_indicators_territory_code_territories_code_fk" FOREIGN KEY ("territory_code") REFERENCES "public"."territories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nr_custom_indicators" ADD CONSTRAINT "nr_custom_indicators_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nr_diagnostics" ADD CONSTRAINT "nr_diagnostics_territory_code_territories_code_fk" FOREIGN KEY ("territory_code") REFERENCES "public"."territories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nr_diagnostics" ADD CONSTRAINT "nr_diagnostics_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nr_diagnostics" ADD CONSTRAINT "nr_diagnostics_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nr_indicator_values" ADD CONSTRAINT "nr_indicator_values_territory_code_territories_code_fk" FOREIGN KEY ("territory_code") REFERENCES "public"."territories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nr_indicator_values" ADD CONSTRAINT "nr_indicator_values_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nr_publicity" ADD CONSTRAINT "nr_publicity_territory_code_territories_code_fk" FOREIGN KEY ("territory_code") REFERENCES "public"."territories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nr_publicity" ADD CONSTRAINT "nr_publicity_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nr_strategy_reviews" ADD CONSTRAINT "nr_strategy_reviews_territory_code_territories_code_fk" FOREIGN KEY ("territory_code") REFERENCES "public"."territories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nr_strategy_reviews" ADD CONSTRAINT "nr_strategy_reviews_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "nr_actions_territory_idx" ON "nr_actions" USING btree ("territory_code","due_on");--> statement-breakpoint
CREATE INDEX "nr_charter_signatures_territory_idx" ON "nr_charter_signatures" USING btree ("territory_code","signed_on");--> statement-breakpoint
CREATE INDEX "nr_diagnostics_territory_idx" ON "nr_diagnostics" USING btree ("territory_code","started_at");