CREATE TABLE "audit_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"person_id" uuid,
	"subject_kind" text,
	"subject_id" text,
	"territory_code" text,
	"ip" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "audit_entries_action_check" CHECK ("audit_entries"."action" in ('login.succeeded', 'login.failed', 'account.roleChanged', 'account.deleted', 'membership.changed', 'password.reset', 'personalData.exported', 'personalData.read', 'initiative.published', 'initiative.unpublished', 'initiative.deleted', 'initiative.moderated', 'initiative.restored', 'results.recorded', 'referential.published'))
);
--> statement-breakpoint
CREATE INDEX "audit_entries_at_idx" ON "audit_entries" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_entries_person_idx" ON "audit_entries" USING btree ("person_id","at");--> statement-breakpoint
CREATE INDEX "audit_entries_territory_idx" ON "audit_entries" USING btree ("territory_code","at");--> statement-breakpoint
-- Append-only: no entry is ever changed, and none deleted but by the retention purge, whose
-- transaction says so (set_config('arobase.audit_purge', 'on', true), read-audit.service.ts).
CREATE FUNCTION "audit_entries_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('arobase.audit_purge', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_entries is append-only (%)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER "audit_entries_append_only" BEFORE UPDATE OR DELETE ON "audit_entries"
  FOR EACH ROW EXECUTE FUNCTION "audit_entries_append_only"();
