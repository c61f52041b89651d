-- The observatory index's generation and history of changes (ADR 0008), kept by the database itself
-- so that every way of changing the index (indexInitiative, removeFromIndex, the cascade from a
-- deleted sheet, a bulk load, a truncation) is seen, in the transaction that makes it.
--
-- A statement that wrote or removed entries moves the generation on and records their slots under
-- it. The update of the single state row is what orders writers: the second waits for the first to
-- commit, so a reader that sees generation G also sees every change of the generations before it.
-- A transition table exists only for the events that have one, hence a branch per event.
CREATE OR REPLACE FUNCTION search_entries_changed() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  g bigint;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE search_index_state SET generation = generation + 1, reset_generation = generation + 1;
    DELETE FROM search_index_changes;
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (SELECT 1 FROM new_entries) THEN RETURN NULL; END IF;
  ELSIF NOT EXISTS (SELECT 1 FROM old_entries) THEN
    RETURN NULL;
  END IF;
  UPDATE search_index_state SET generation = generation + 1 RETURNING generation INTO g;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO search_index_changes (generation, slot) SELECT g, slot FROM new_entries ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO search_index_changes (generation, slot) SELECT g, slot FROM old_entries ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO search_index_changes (generation, slot)
    SELECT g, slot FROM old_entries UNION SELECT g, slot FROM new_entries ON CONFLICT DO NOTHING;
  END IF;
  -- A bounded history: a copy older than what is kept reloads whole.
  IF g % 1000 = 0 THEN
    DELETE FROM search_index_changes WHERE generation <= g - 10000;
    UPDATE search_index_state SET reset_generation = greatest(reset_generation, g - 10000);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER search_entries_inserted AFTER INSERT ON initiative_search_entries
  REFERENCING NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION search_entries_changed();
--> statement-breakpoint
CREATE TRIGGER search_entries_updated AFTER UPDATE ON initiative_search_entries
  REFERENCING OLD TABLE AS old_entries NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION search_entries_changed();
--> statement-breakpoint
CREATE TRIGGER search_entries_deleted AFTER DELETE ON initiative_search_entries
  REFERENCING OLD TABLE AS old_entries FOR EACH STATEMENT EXECUTE FUNCTION search_entries_changed();
--> statement-breakpoint
CREATE TRIGGER search_entries_truncated AFTER TRUNCATE ON initiative_search_entries
  FOR EACH STATEMENT EXECUTE FUNCTION search_entries_changed();
--> statement-breakpoint
INSERT INTO search_index_state (id, generation, reset_generation) VALUES (true, 1, 1) ON CONFLICT DO NOTHING;
