import type { Db } from '../../src/platform/db/database.ts';
import { systemCaller } from '../../src/modules/accounts/permissions.rules.ts';
import { completeDiagnostic, saveAnswers, startDiagnostic } from '../../src/modules/nr/diagnostic.service.ts';
import { NR_QUESTIONS } from '../../src/modules/nr/nr-model.data.ts';

const system = systemCaller('nr test fixture');

/**
 * A territory's responsible-digital diagnostic, started, every question answered through the service
 * at the level `levelOf` gives it (by theme and question), then completed.
 */
export async function completedDiagnostic(db: Db, code: string, levelOf: (question: { id: string; themeId: string }) => number) {
  const diagnostic = await startDiagnostic(db, system, code);
  await saveAnswers(
    db,
    system,
    code,
    diagnostic.id,
    NR_QUESTIONS.map((q) => ({ questionId: q.id, level: levelOf(q) })),
  );
  return completeDiagnostic(db, system, code, diagnostic.id);
}
