-- Search helpers shared by every module: accents, case and typos (DESIGN.md).
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- unaccent() is only STABLE; pinning the dictionary makes it safe to use in indexes and generated columns.
CREATE OR REPLACE FUNCTION immutable_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
--> statement-breakpoint
-- Lower-case, unaccented, every run of punctuation (hyphens, apostrophes) folded to one space.
CREATE OR REPLACE FUNCTION search_normalize(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT btrim(regexp_replace(lower(public.immutable_unaccent(replace(replace($1, 'œ', 'oe'), 'Œ', 'OE'))), '[^a-z0-9]+', ' ', 'g')) $$;
