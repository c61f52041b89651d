import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { and, eq, ne } from 'drizzle-orm';
import { drivers } from '../../../test/support/test-database.ts';
import { useTestServer } from '../../../test/support/test-server.ts';
import { createActiveUser } from '../../../test/support/accounts.ts';
import { ForbiddenError, InvalidInputError } from '../../platform/errors.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import { initiatives, initiativeServices } from '../initiatives/schema.ts';
import type { InitiativeStatus } from '../initiatives/initiative.rules.ts';
import { getCurrentReferential } from '../referential/referential.service.ts';
import { territories } from '../territories/schema.ts';
import { editions } from '../label/schema.ts';
import { campaignSettings, selfAssessmentExclusions } from './schema.ts';
import { MIN_PEERS } from './self-assessment.rules.ts';
import { systemCaller } from '../accounts/permissions.rules.ts';
import { completeDiagnostic, saveAnswers, startDiagnostic } from '../nr/diagnostic.service.ts';
import { NR_QUESTIONS } from '../nr/nr-model.data.ts';
import { computeSelfAssessment, declareNotConcerned, getSelfAssessmentPage, withdrawNotConcerned } from './self-assessment.service.ts';

// Issue 13, item 3: the self-assessment service on a real database (scopes, declarations, peers).

const TRELAZE = '49353';

for (const driver of drivers) {
  describe(`self-assessment service (${driver})`, () => {
    const server = useTestServer(driver);
    let services: string[] = [];
    let peers: string[] = [];
    let userId: string;
    const contributor = (): Person => ({ id: userId, role: 'member', memberships: [{ territoryCode: TRELAZE, role: 'contributor' }] });
    const reader = (): Person => ({ id: userId, role: 'member', memberships: [{ territoryCode: TRELAZE, role: 'reader' }] });

    async function sheet(territoryCode: string, status: InitiativeStatus, visibility: 'draft' | 'public', serviceIds: string[], title = 'Une action') {
      const [row] = await server.db
        .insert(initiatives)
        .values({ territoryCode, title, status, visibility, publishedAt: visibility === 'public' ? new Date() : null })
        .returning({ id: initiatives.id });
      if (serviceIds.length) await server.db.insert(initiativeServices).values(serviceIds.map((serviceId) => ({ initiativeId: row!.id, serviceId })));
      return row!.id;
    }

    before(async () => {
      const referential = await getCurrentReferential(server.db);
      services = referential.axes.flatMap((a) => a.themes.flatMap((t) => t.services.map((s) => s.id)));
      // Trélazé is a ville of 3 000 to 20 000 inhabitants: six others of the same category and stratum.
      const [trelaze] = await server.db.select().from(territories).where(eq(territories.code, TRELAZE));
      assert.deepEqual([trelaze!.category, trelaze!.stratum], ['ville', '3k-20k']);
      peers = (
        await server.db
          .select({ code: territories.code })
          .from(territories)
          .where(and(eq(territories.category, 'ville'), eq(territories.stratum, '3k-20k'), ne(territories.code, TRELAZE)))
          .orderBy(territories.code)
          .limit(MIN_PEERS + 1)
      ).map((r) => r.code);
      userId = (await createActiveUser(server.db, { email: 'auto-evaluation@trelaze.example.fr', role: 'member' })).id;
    });

    test('zero initiatives: 0 everywhere, no peers, leads from the first themes', async () => {
      const { result, peers: p, leads } = await computeSelfAssessment(server.db, TRELAZE, { scope: 'all' });
      assert.equal(result.overall, 0);
      assert.equal(result.coverage, 0);
      for (const axis of result.axes) {
        assert.deepEqual([axis.score, axis.coverage], [0, 0]);
        for (const theme of axis.themes) assert.deepEqual([theme.score, theme.coverage], [0, 0]);
      }
      assert.deepEqual(p, { label: 'communes de 3 000 à 20 000 habitants', count: 0, position: null, serviceShare: null });
      assert.ok(leads.length > 0);
      assert.deepEqual(leads[0]!.examples, []);
    });

    test('drafts count in scope « all », not in « public »; deleted sheets never', async () => {
      await sheet(TRELAZE, 'done', 'draft', [services[0]!], 'Brouillon');
      const deleted = await sheet(TRELAZE, 'done', 'public', [services[1]!], 'Supprimée');
      await server.db.update(initiatives).set({ deletedAt: new Date() }).where(eq(initiatives.id, deleted));
      const all = await computeSelfAssessment(server.db, TRELAZE, { scope: 'all' });
      const pub = await computeSelfAssessment(server.db, TRELAZE, { scope: 'public' });
      assert.equal(all.result.coveredServices, 1);
      assert.ok(all.result.overall! > 0);
      assert.deepEqual(
        Object.values(all.initiatives).map((i) => i.title),
        ['Brouillon'],
      );
      assert.equal(pub.result.coveredServices, 0);
      assert.equal(pub.result.overall, 0);
    });

    test('the weights are the latest campaign edition’s; one still in preparation does not apply yet', async () => {
      const before = (await computeSelfAssessment(server.db, TRELAZE, { scope: 'all' })).result.overall!;
      assert.ok(before > 0, 'the draft sheet of the test before counts');
      await server.db.insert(editions).values({ year: 2031, state: 'draft' });
      await server.db
        .insert(campaignSettings)
        .values({ year: 2031, selfAssessmentParameters: { statusWeights: { done: 0.5, in_progress: 0.3, planned: 0.1, abandoned: 0 } } });
      try {
        assert.equal((await computeSelfAssessment(server.db, TRELAZE, { scope: 'all' })).result.overall, before, 'in preparation: not yet');
        await server.db.update(editions).set({ state: 'open' }).where(eq(editions.year, 2031));
        const after = (await computeSelfAssessment(server.db, TRELAZE, { scope: 'all' })).result.overall!;
        assert.ok(Math.abs(after - before / 2) <= 0.1, `a done sheet weighs half: ${before} → ${after}`);
      } finally {
        await server.db.delete(campaignSettings).where(eq(campaignSettings.year, 2031));
        await server.db.delete(editions).where(eq(editions.year, 2031));
      }
    });

    test('a « non concerné » declaration leaves the denominator; refused without a reason, nothing stored', async () => {
      const before = await computeSelfAssessment(server.db, TRELAZE, { scope: 'all' });
      const target = services.at(-1)!;
      await assert.rejects(declareNotConcerned(server.db, contributor(), TRELAZE, target, '   '), (error: unknown) => {
        assert.ok(error instanceof InvalidInputError);
        assert.match(error.fields.reason!, /Indiquez pourquoi/);
        return true;
      });
      await assert.rejects(declareNotConcerned(server.db, reader(), TRELAZE, target, 'Pas d’école'), ForbiddenError);
      await assert.rejects(declareNotConcerned(server.db, contributor(), TRELAZE, 'service-inconnu', 'Pas d’école'), InvalidInputError);
      assert.equal((await server.db.select().from(selfAssessmentExclusions)).length, 0);

      await declareNotConcerned(server.db, contributor(), TRELAZE, target, '  Pas d’école sur la commune ');
      const after = await computeSelfAssessment(server.db, TRELAZE, { scope: 'all' });
      assert.equal(after.result.concernedServices, before.result.concernedServices - 1);
      const service = after.result.axes.flatMap((a) => a.themes.flatMap((t) => t.services)).find((s) => s.id === target)!;
      assert.deepEqual([service.concerned, service.notConcernedReason], [false, 'Pas d’école sur la commune']);
      assert.equal(after.result.coveredServices, before.result.coveredServices);
      // The public part reads published sheets only, as peers are read.
      assert.equal((await computeSelfAssessment(server.db, TRELAZE, { scope: 'public' })).result.concernedServices, before.result.concernedServices);

      await withdrawNotConcerned(server.db, contributor(), TRELAZE, target);
      assert.equal((await computeSelfAssessment(server.db, TRELAZE, { scope: 'all' })).result.concernedServices, before.result.concernedServices);
    });

    test('peers: only from MIN_PEERS territories with public sheets; another territory’s drafts and declarations change nothing', async () => {
      // Trélazé publishes a done sheet on two services.
      await sheet(TRELAZE, 'done', 'public', [services[0]!, services[1]!], 'Publiée');
      // Four peers publish: too few.
      for (const code of peers.slice(0, MIN_PEERS - 1)) await sheet(code, 'done', 'public', [services[0]!]);
      // A territory with only a draft is no peer.
      await sheet(peers[MIN_PEERS]!, 'done', 'draft', services.slice(0, 10));
      let assessment = await computeSelfAssessment(server.db, TRELAZE, { scope: 'all' });
      assert.equal(assessment.peers.count, MIN_PEERS - 1);
      assert.equal(assessment.peers.position, null);
      assert.equal(assessment.peers.serviceShare, null);

      await sheet(peers[MIN_PEERS - 1]!, 'planned', 'public', [services[2]!]);
      assessment = await computeSelfAssessment(server.db, TRELAZE, { scope: 'all' });
      assert.equal(assessment.peers.count, MIN_PEERS);
      // Trélazé covers 2 services done; each peer 1: all five score lower.
      assert.deepEqual(assessment.peers.position, { belowPercent: 100 });
      assert.equal(assessment.peers.serviceShare![services[0]!], 80);
      assert.equal(assessment.peers.serviceShare![services[2]!], 20);
      assert.equal(assessment.peers.serviceShare![services[3]!], 0);

      // A peer's drafts and declarations never change a peer figure.
      await sheet(peers[0]!, 'done', 'draft', services.slice(0, 40));
      await server.db
        .insert(selfAssessmentExclusions)
        .values(services.slice(5, 100).map((serviceId) => ({ territoryCode: peers[1]!, serviceId, reason: 'Non' })));
      const again = await computeSelfAssessment(server.db, TRELAZE, { scope: 'all' });
      assert.deepEqual(again.peers, assessment.peers);

      // Examples of leads: public sheets of other territories, peers first, never Trélazé's own.
      const examples = again.leads.flatMap((l) => l.examples);
      assert.ok(examples.every((e) => e.title === 'Une action'));
    });

    test('the page needs selfAssessment.view and gives the evolution', async () => {
      await assert.rejects(getSelfAssessmentPage(server.db, null, TRELAZE), /connect/i);
      await assert.rejects(
        getSelfAssessmentPage(server.db, { id: userId, role: 'member', memberships: [{ territoryCode: '76709', role: 'referent' }] }, TRELAZE),
        ForbiddenError,
      );
      const page = await getSelfAssessmentPage(server.db, reader(), TRELAZE);
      assert.deepEqual(page.evolution, []);
      assert.equal(page.territory.code, TRELAZE);
      assert.equal(page.responsibleDigital, null, 'no responsible-digital diagnostic completed yet');
      const system = systemCaller('self-assessment test');
      const diagnostic = await startDiagnostic(server.db, system, TRELAZE);
      await saveAnswers(
        server.db,
        system,
        TRELAZE,
        diagnostic.id,
        NR_QUESTIONS.map((q) => ({ questionId: q.id, level: 1 })),
      );
      await completeDiagnostic(server.db, system, TRELAZE, diagnostic.id);
      const withNr = await getSelfAssessmentPage(server.db, reader(), TRELAZE);
      assert.deepEqual([withNr.responsibleDigital?.letter, withNr.responsibleDigital?.overall], ['D', 33]);
    });
  });
}
