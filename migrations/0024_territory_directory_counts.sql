-- The directory's counts of participating territories by kind, made by each import (the home page reads them).
CREATE TABLE "territory_directory_counts" (
	"kind" text PRIMARY KEY NOT NULL,
	"participating" integer NOT NULL,
	CONSTRAINT "territory_directory_counts_kind_check" CHECK ("territory_directory_counts"."kind" in ('commune', 'epci', 'departement', 'region'))
);
