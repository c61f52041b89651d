CREATE TABLE "search_index_changes" (
	"generation" bigint NOT NULL,
	"slot" integer NOT NULL,
	CONSTRAINT "search_index_changes_generation_slot_pk" PRIMARY KEY("generation","slot")
);
--> statement-breakpoint
CREATE TABLE "search_index_state" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"generation" bigint DEFAULT 0 NOT NULL,
	"reset_generation" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "search_index_state_single_row" CHECK ("search_index_state"."id")
);
--> statement-breakpoint
ALTER TABLE "initiative_search_entries" ADD COLUMN "slot" integer NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "initiative_search_entries_slot_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1);--> statement-breakpoint
CREATE UNIQUE INDEX "search_entries_slot_idx" ON "initiative_search_entries" USING btree ("slot");