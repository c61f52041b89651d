CREATE TABLE "initiative_search_entries" (
	"initiative_id" uuid PRIMARY KEY NOT NULL,
	"territory_code" text NOT NULL,
	"territory_name" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"document" "tsvector" NOT NULL,
	"search_title" text GENERATED ALWAYS AS (search_normalize(title)) STORED NOT NULL,
	"status" text NOT NULL,
	"axis_ids" text[] NOT NULL,
	"theme_ids" text[] NOT NULL,
	"service_ids" text[] NOT NULL,
	"actor_ids" text[] NOT NULL,
	"audiences" text[] NOT NULL,
	"region_code" text,
	"department_code" text,
	"stratum" text,
	"category" text NOT NULL,
	"year" integer NOT NULL,
	"responsible_digital" boolean NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "initiative_search_entries" ADD CONSTRAINT "initiative_search_entries_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_entries_document_idx" ON "initiative_search_entries" USING gin ("document");--> statement-breakpoint
CREATE INDEX "search_entries_title_trgm_idx" ON "initiative_search_entries" USING gin ("search_title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_entries_themes_idx" ON "initiative_search_entries" USING gin ("theme_ids");--> statement-breakpoint
CREATE INDEX "search_entries_services_idx" ON "initiative_search_entries" USING gin ("service_ids");--> statement-breakpoint
CREATE INDEX "search_entries_actors_idx" ON "initiative_search_entries" USING gin ("actor_ids");--> statement-breakpoint
CREATE INDEX "search_entries_axes_idx" ON "initiative_search_entries" USING gin ("axis_ids");--> statement-breakpoint
CREATE INDEX "search_entries_audiences_idx" ON "initiative_search_entries" USING gin ("audiences");--> statement-breakpoint
CREATE INDEX "search_entries_published_idx" ON "initiative_search_entries" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "search_entries_territory_idx" ON "initiative_search_entries" USING btree ("territory_code");--> statement-breakpoint
CREATE INDEX "search_words_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops);