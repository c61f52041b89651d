CREATE TABLE "organisation_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "organisation_settings_single_row" CHECK ("organisation_settings"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "audit_entries" DROP CONSTRAINT "audit_entries_action_check";--> statement-breakpoint
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_action_check" CHECK ("audit_entries"."action" in ('login.succeeded', 'login.failed', 'account.created', 'account.roleChanged', 'account.deleted', 'account.disabled', 'account.enabled', 'account.invitationResent', 'account.emailChanged', 'membership.changed', 'password.reset', 'password.changed', 'personalData.exported', 'personalData.read', 'initiative.published', 'initiative.unpublished', 'initiative.deleted', 'initiative.moderated', 'initiative.restored', 'results.recorded', 'referential.published', 'organisation.settingsChanged'));