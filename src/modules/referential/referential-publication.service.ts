import type { Db } from '../../platform/db/database.ts';
import { InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import { requirePermission } from '../accounts/guard.ts';
import type { Caller } from '../accounts/permissions.rules.ts';
import { referentialMessages } from './messages.ts';
import { servicesConcerned, summarizePublication, type PublicationSummary, type SummaryService } from './publication-summary.rules.ts';
import { validateDraft, type DraftIssue } from './referential.rules.ts';
import { getReferential, type Referential } from './referential.service.ts';
import { serviceUsage, type ServiceUsageSource } from './service-usage.port.ts';

const e = referentialMessages.errors;

/** What the administrator reads before publishing a draft: what changes, the sheets concerned, what still prevents it. */
export type PublicationReview = {
  draft: Referential;
  base: Referential | null;
  summary: PublicationSummary;
  /** Distinct sheets citing a retired, renamed or moved service. */
  sheetsConcerned: number;
  issues: DraftIssue[];
};

const flatten = (r: Referential): SummaryService[] => r.axes.flatMap((a) => a.themes.flatMap((t) => t.services.map((s) => ({ ...s, themeId: t.id }))));

/** The summary of a draft's publication (`referential.manage`); 404 for an unknown version, a field error for a published one. */
export async function reviewPublication(
  db: Db,
  caller: Caller | null,
  version: string,
  usage: ServiceUsageSource = serviceUsage(),
): Promise<PublicationReview> {
  requirePermission(caller, 'referential.manage');
  const draft = await getReferential(db, version, { includeDraft: true });
  if (!draft) throw new NotFoundError(e.versionNotFound(version));
  if (draft.state !== 'draft') throw new InvalidInputError({ version: e.versionPublished(version) });
  const base = draft.basedOn ? await getReferential(db, draft.basedOn) : null;
  const before = base ? flatten(base) : [];
  const after = flatten(draft);
  const concerned = servicesConcerned(summarizePublication(before, after, new Map()));
  const sheets = await usage.countSheets(db, concerned);
  return {
    draft,
    base,
    summary: summarizePublication(before, after, sheets.byService),
    sheetsConcerned: sheets.total,
    issues: validateDraft(draft.axes.flatMap((a) => a.themes)),
  };
}
