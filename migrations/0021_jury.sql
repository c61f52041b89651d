-- The jury (issue 14): parameters per edition, jurors and their declared conflicts, assignments, reviews, deliberations with their history, certificates; the jury's actions in the audit log.
CREATE TABLE "assignments" (
	"application_id" uuid NOT NULL,
	"juror_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"source" text NOT NULL,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignments_application_id_juror_id_pk" PRIMARY KEY("application_id","juror_id"),
	CONSTRAINT "assignments_source_check" CHECK ("assignments"."source" in ('automatic', 'manual'))
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"code" text PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"territory_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certificates_year_territory_unique" UNIQUE("year","territory_code")
);
--> statement-breakpoint
CREATE TABLE "deliberation_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"level" smallint NOT NULL,
	"distinctions" text[] NOT NULL,
	"rationale" text NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliberations" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"territory_code" text NOT NULL,
	"level" smallint NOT NULL,
	"distinctions" text[] DEFAULT '{}'::text[] NOT NULL,
	"rationale" text NOT NULL,
	"public_comment" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deliberations_year_territory_unique" UNIQUE("year","territory_code"),
	CONSTRAINT "deliberations_level_check" CHECK ("deliberations"."level" between 1 and 5),
	CONSTRAINT "deliberations_rationale_check" CHECK (length(trim("deliberations"."rationale")) > 0 and length("deliberations"."rationale") <= 2000),
	CONSTRAINT "deliberations_public_comment_check" CHECK (length("deliberations"."public_comment") <= 600)
);
--> statement-breakpoint
CREATE TABLE "juror_conflicts" (
	"id" serial PRIMARY KEY NOT NULL,
	"juror_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"territory_code" text,
	"department_code" text,
	"reason" text,
	"source" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "juror_conflicts_unique" UNIQUE NULLS NOT DISTINCT("juror_id","kind","territory_code","department_code"),
	CONSTRAINT "juror_conflicts_kind_check" CHECK ("juror_conflicts"."kind" in ('department', 'territory', 'other')),
	CONSTRAINT "juror_conflicts_source_check" CHECK ("juror_conflicts"."source" in ('juror', 'admin')),
	CONSTRAINT "juror_conflicts_target_check" CHECK (("juror_conflicts"."kind" = 'department' and "juror_conflicts"."department_code" is not null and "juror_conflicts"."territory_code" is null) or ("juror_conflicts"."kind" <> 'department' and "juror_conflicts"."territory_code" is not null and "juror_conflicts"."department_code" is null)),
	CONSTRAINT "juror_conflicts_reason_check" CHECK (("juror_conflicts"."kind" <> 'other' or length(trim("juror_conflicts"."reason")) > 0) and length("juror_conflicts"."reason") <= 500)
);
--> statement-breakpoint
CREATE TABLE "jurors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"expertise" text,
	"green_reviewer" boolean DEFAULT false NOT NULL,
	"conflicts_confirmed_at" timestamp with time zone,
	"invited_by" uuid,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "jurors_year_user_unique" UNIQUE("year","user_id")
);
--> statement-breakpoint
CREATE TABLE "jury_parameters" (
	"year" integer PRIMARY KEY NOT NULL,
	"reviewers_per_dossier" smallint DEFAULT 2 NOT NULL,
	"level_thresholds" jsonb NOT NULL,
	"review_weight" numeric NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "jury_parameters_reviewers_check" CHECK ("jury_parameters"."reviewers_per_dossier" between 1 and 5),
	CONSTRAINT "jury_parameters_weight_check" CHECK ("jury_parameters"."review_weight" between 0 and 1)
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"application_id" uuid NOT NULL,
	"juror_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"theme_scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"proposed_level" smallint,
	"distinctions" text[] DEFAULT '{}'::text[] NOT NULL,
	"jury_comment" text DEFAULT '' NOT NULL,
	"public_comment" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "reviews_application_id_juror_id_pk" PRIMARY KEY("application_id","juror_id"),
	CONSTRAINT "reviews_state_check" CHECK ("reviews"."state" in ('draft', 'submitted')),
	CONSTRAINT "reviews_level_check" CHECK ("reviews"."proposed_level" between 1 and 5),
	CONSTRAINT "reviews_submitted_check" CHECK ("reviews"."state" = 'draft' or ("reviews"."proposed_level" is not null and "reviews"."submitted_at" is not null)),
	CONSTRAINT "reviews_comments_check" CHECK (length("reviews"."jury_comment") <= 5000 and length("reviews"."public_comment") <= 600)
);
--> statement-breakpoint
ALTER TABLE "audit_entries" DROP CONSTRAINT "audit_entries_action_check";--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_juror_id_jurors_id_fk" FOREIGN KEY ("juror_id") REFERENCES "public"."jurors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_year_editions_year_fk" FOREIGN KEY ("year") REFERENCES "public"."editions"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_year_editions_year_fk" FOREIGN KEY ("year") REFERENCES "public"."editions"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_territory_code_territories_code_fk" FOREIGN KEY ("territory_code") REFERENCES "public"."territories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_changes" ADD CONSTRAINT "deliberation_changes_application_id_deliberations_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."deliberations"("application_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_changes" ADD CONSTRAINT "deliberation_changes_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberations" ADD CONSTRAINT "deliberations_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberations" ADD CONSTRAINT "deliberations_year_editions_year_fk" FOREIGN KEY ("year") REFERENCES "public"."editions"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberations" ADD CONSTRAINT "deliberations_territory_code_territories_code_fk" FOREIGN KEY ("territory_code") REFERENCES "public"."territories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberations" ADD CONSTRAINT "deliberations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "juror_conflicts" ADD CONSTRAINT "juror_conflicts_juror_id_jurors_id_fk" FOREIGN KEY ("juror_id") REFERENCES "public"."jurors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "juror_conflicts" ADD CONSTRAINT "juror_conflicts_territory_code_territories_code_fk" FOREIGN KEY ("territory_code") REFERENCES "public"."territories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "juror_conflicts" ADD CONSTRAINT "juror_conflicts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jurors" ADD CONSTRAINT "jurors_year_editions_year_fk" FOREIGN KEY ("year") REFERENCES "public"."editions"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jurors" ADD CONSTRAINT "jurors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jurors" ADD CONSTRAINT "jurors_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jury_parameters" ADD CONSTRAINT "jury_parameters_year_editions_year_fk" FOREIGN KEY ("year") REFERENCES "public"."editions"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jury_parameters" ADD CONSTRAINT "jury_parameters_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_assignment_fk" FOREIGN KEY ("application_id","juror_id") REFERENCES "public"."assignments"("application_id","juror_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignments_juror_idx" ON "assignments" USING btree ("juror_id");--> statement-breakpoint
CREATE INDEX "assignments_year_idx" ON "assignments" USING btree ("year");--> statement-breakpoint
CREATE INDEX "deliberation_changes_application_idx" ON "deliberation_changes" USING btree ("application_id","decided_at");--> statement-breakpoint
CREATE INDEX "jurors_user_idx" ON "jurors" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "reviews_year_idx" ON "reviews" USING btree ("year");--> statement-breakpoint
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_action_check" CHECK ("audit_entries"."action" in ('login.succeeded', 'login.failed', 'account.created', 'account.roleChanged', 'account.deleted', 'account.disabled', 'account.enabled', 'account.invitationResent', 'account.emailChanged', 'membership.changed', 'password.reset', 'password.changed', 'personalData.exported', 'personalData.read', 'initiative.published', 'initiative.unpublished', 'initiative.deleted', 'initiative.moderated', 'initiative.restored', 'results.recorded', 'referential.published', 'organisation.settingsChanged', 'edition.created', 'edition.stateChanged', 'questionnaire.saved', 'selfAssessment.parametersSaved', 'application.submitted', 'application.reopened', 'juror.invited', 'juror.removed', 'conflict.declared', 'conflict.removed', 'assignments.generated', 'assignment.changed', 'review.submitted', 'jury.parametersSaved', 'deliberation.recorded', 'publication.scheduled'));