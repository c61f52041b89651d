import assert from 'node:assert/strict';
import { arobaseEnv } from '../../../test/support/child-env.ts';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../platform/config.ts';
import { embeddedDataPath, openPglite, queryRows } from '../../platform/db/database.ts';
import { helpText, runCommand } from '../../platform/cli/command.ts';
import { importPalmaresCommand } from './import-palmares.command.ts';

const commands = { 'import-palmares': importPalmaresCommand };
import { drivers, openTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { countResults, openEditionUnderReview, PRESS_CSV, PRESS_MATCHED, resultsState } from './import-palmares.fixture.ts';
import { listPalmaresImports } from './import-palmares-store.service.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const files = mkdtempSync(join(tmpdir(), 'arobase-palmares-'));
const press = join(files, 'palmares-presse.csv');
writeFileSync(press, PRESS_CSV);
const noColumns = join(files, 'sans-colonnes.csv');
writeFileSync(noColumns, 'Ville;Note\nTrélazé;5\n');
const spreadsheet = join(files, 'palmares.xlsx');
writeFileSync(spreadsheet, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)]));
const folder = join(files, 'un-dossier.csv');
mkdirSync(folder);
after(() => rmSync(files, { recursive: true, force: true }));

type Run = { code: number; out: string[]; err: string[] };

for (const driver of drivers) {
  describe(`npx arobase import-palmares (${driver})`, () => {
    let database: TestDatabase;
    const db = () => database.db;
    before(async () => {
      database = await openTestDatabase(driver);
      await openEditionUnderReview(db());
    });
    after(() => database?.dispose());

    async function run(...argv: string[]): Promise<Run> {
      const out: string[] = [];
      const err: string[] = [];
      const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/tmp/arobase-test-unused' });
      const code = await runCommand(commands, { database, config, out: (l) => out.push(l), err: (l) => err.push(l), ensureBaseData: async () => {} }, [
        'import-palmares',
        ...argv,
      ]);
      return { code, out, err };
    }

    test('a dry run by default: the report in French, how to apply, and nothing written', async () => {
      const before = await resultsState(db());
      const res = await run(press);
      assert.equal(res.code, 0, res.err.join('\n'));
      assert.deepEqual(res.err, []);
      const text = res.out.join('\n');
      assert.match(text, /^Vérification de palmares-presse\.csv : 14 lignes\.\n {2}7 reconnues, 1 ambiguë, 1 introuvable, 5 invalides, 0 ignorée\./);
      assert.match(text, /Lignes reconnues :\n {2}ligne 1 — 2008 · Trélazé \(49\) · 5 @ → 49353 Trélazé : nom identique\n/);
      assert.match(text, /ligne 4 — 2008 · Boulogne-Billancour \(92\) · 5 @ → 92012 Boulogne-Billancourt : faute de frappe corrigée/);
      assert.match(text, /ligne 5 — .* → 50129 Cherbourg-en-Cotentin : ancienne commune « Cherbourg-Octeville »/);
      assert.match(
        text,
        /Lignes ambiguës \(à trancher avec --choose LIGNE=CODE\) :\n {2}ligne 6 — 2008 · Arras \(62\) · 3 @ : .*précisez le type\n {4}200033579 +CU d'Arras\n {4}62041 +Arras\n/,
      );
      assert.match(text, /Lignes introuvables .*:\n {2}ligne 7 — 2008 · Trifouillis-les-Oies \(49\) · 2 @ : aucun territoire de ce nom dans le département 49/);
      assert.match(text, /Lignes invalides \(à corriger dans le fichier\) :\n {2}ligne 8 — niveau : « 6 » doit être entre 1 et 5\n/);
      assert.match(text, /ligne 10 — nom : Trélazé figure déjà dans l’édition 2008 à la ligne 1 \(lignes 1 et 10\)/);
      assert.match(text, /Remarques :\n {2}ligne 11 — distinctions : « Territoire d'excellence numérique » non repris/);
      assert.match(
        text,
        /Rien n’a été importé\.\nPour importer : npx arobase import-palmares .*palmares-presse\.csv --apply\nAvant cela, tranchez les 7 lignes non résolues avec --choose LIGNE=CODE \(ou LIGNE=skip\), ou ajoutez --skip-unmatched/,
      );
      assert.equal(await resultsState(db()), before);
    });

    test('--json prints exactly the report’s shape on stdout, and nothing else', async () => {
      const res = await run(press, '--json', '--choose', '7=skip');
      assert.equal(res.code, 0, res.err.join('\n'));
      assert.equal(res.out.length, 1, 'one JSON document');
      const json = JSON.parse(res.out[0]!);
      assert.deepEqual(Object.keys(json), ['matched', 'ambiguous', 'notFound', 'invalid']);
      for (const m of json.matched) assert.deepEqual(Object.keys(m), ['row', 'code', 'name']);
      assert.deepEqual(Object.fromEntries(json.matched.map((m: { row: number; code: string }) => [m.row, m.code])), PRESS_MATCHED);
      assert.deepEqual(json.matched[0], { row: 1, code: '49353', name: 'Trélazé' });
      assert.deepEqual(json.ambiguous, [
        {
          row: 6,
          candidates: [
            { code: '200033579', name: "CU d'Arras" },
            { code: '62041', name: 'Arras' },
          ],
        },
      ]);
      assert.deepEqual(json.notFound, [], 'row 7 skipped');
      assert.deepEqual(
        json.invalid.map((i: { row: number; field: string }) => [i.row, i.field]),
        [
          [8, 'level'],
          [9, 'distinctions'],
          [10, 'name'],
          [13, 'year'],
          [14, 'department'],
        ],
      );
      for (const i of json.invalid) assert.deepEqual(Object.keys(i), ['row', 'field', 'message']);
      const plain = JSON.parse((await run(press, '--json')).out[0]!);
      assert.deepEqual(plain.notFound, [{ row: 7 }]);
      assert.equal(await countResults(db()), 0);
    });

    test('usage errors exit 2 with a French message naming the file or the option', async () => {
      const cases: [string[], RegExp][] = [
        [[], /Indiquez le fichier CSV du palmarès/],
        [[join(files, 'absent.csv')], /absent\.csv : fichier introuvable/],
        [[folder], /un-dossier\.csv : fichier illisible \(EISDIR\)/],
        [[spreadsheet], /palmares\.xlsx : le fichier doit être un CSV \(texte en UTF-8\)/],
        [[noColumns], /sans-colonnes\.csv : colonnes manquantes : année, nom, département, niveau/],
        [[press, press], /Un seul fichier à la fois/],
        [[press, '--choose', '6'], /--choose « 6 » : écrivez LIGNE=CODE/],
        [[press, '--choose', '6=99999'], /--choose ligne 6 : aucun territoire n’a le code « 99999 »/],
        [[press, '--apply', '--skip-unmatched', '--choose', '6=99999'], /--choose : ligne 6 : aucun territoire n’a le code « 99999 »/],
        [[press, '--couleur'], /Option inconnue/],
      ];
      for (const [args, message] of cases) {
        const res = await run(...args);
        assert.equal(res.code, 2, `${args.join(' ')} → ${res.code}\n${res.err.join('\n')}`);
        assert.match(res.err.join('\n'), message);
        assert.match(res.err.join('\n'), /Usage : arobase import-palmares FICHIER\.csv/);
        assert.deepEqual(res.out, []);
      }
      assert.equal(await countResults(db()), 0);
    });

    test('--apply refuses while rows are unresolved (exit 1), then imports with decisions and --skip-unmatched', async () => {
      const before = await resultsState(db());
      const refused = await run(press, '--apply');
      assert.equal(refused.code, 1);
      assert.match(refused.err.join('\n'), /^Import refusé : 7 lignes ne sont pas résolues \(1 ambiguë, 1 introuvable, 5 invalides\)/);
      assert.match(refused.err.join('\n'), /--skip-unmatched/);
      assert.deepEqual(refused.out, []);
      assert.equal(await resultsState(db()), before);
      assert.deepEqual(await listPalmaresImports(db()), [], 'a refused import leaves no trace');

      const applied = await run(press, '--apply', '--skip-unmatched', '--choose', '6=62041', '--choose', '7=skip');
      assert.equal(applied.code, 0, applied.err.join('\n'));
      assert.deepEqual(applied.out, [
        'Palmarès importé : 8 lignes (8 ajoutées, 0 modifiée, 0 inchangée).',
        '6 lignes laissées de côté.',
        'Éditions : 2008, 2009.',
      ]);
      assert.equal(await countResults(db()), 8);
      const [stored, ...others] = await listPalmaresImports(db());
      assert.deepEqual(others, []);
      assert.equal(stored?.fileName, 'palmares-presse.csv');
      assert.equal(stored?.state, 'applied');
      assert.deepEqual(stored?.summary?.editions, [
        { year: 2008, rows: 6 },
        { year: 2009, rows: 2 },
      ]);

      const again = await run(press, '--apply', '--skip-unmatched', '--choose', '6=62041', '--choose', '7=skip', '--json');
      assert.equal(again.code, 0);
      assert.deepEqual(JSON.parse(again.out.join('\n')), { inserted: 0, updated: 0, unchanged: 8, skipped: 6, editions: [2008, 2009] });
      assert.equal((await listPalmaresImports(db())).length, 1, 'a run that changes nothing is not recorded');
    });
  });
}

describe('import-palmares: help and paths handed to a running server', () => {
  test('the help lists the command and its usage', async () => {
    assert.match(helpText(commands), /import-palmares {7}Vérifie un palmarès passé/);
    const out: string[] = [];
    const code = await runCommand(
      commands,
      { database: undefined as never, config: undefined as never, out: (l) => out.push(l), err: () => {}, ensureBaseData: async () => {} },
      ['import-palmares', '--help'],
    );
    assert.equal(code, 0);
    assert.match(out.join('\n'), /Usage : arobase import-palmares FICHIER\.csv \[--apply\] \[--json\] \[--skip-unmatched\] \[--choose LIGNE=CODE …\]/);
  });

  test('the file is made absolute, the options left as they are', () => {
    const absolutePaths = commands['import-palmares']!.absolutePaths!;
    assert.deepEqual(absolutePaths(['palmares/2008.csv', '--choose', '3=49353', '--apply'], '/srv/label'), [
      '/srv/label/palmares/2008.csv',
      '--choose',
      '3=49353',
      '--apply',
    ]);
    assert.deepEqual(absolutePaths(['--json', '/data/p.csv'], '/srv/label'), ['--json', '/data/p.csv']);
  });
});

describe('node bin/arobase.js import-palmares (a real process on a fresh embedded database)', { timeout: 240_000 }, () => {
  let dataDir: string;
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'arobase-palmares-cli-'));
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  /** Runs the CLI as a person would, on the embedded database of `dataDir`. */
  function runCli(argv: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const env = arobaseEnv({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [join(root, 'bin/arobase.js'), ...argv], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  test('--json on a first use: the territories are loaded, stdout holds the JSON report only', async () => {
    // --create: creating the database is what this first use means to do (without it the command refuses).
    const res = await runCli(['import-palmares', press, '--json', '--create']);
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stderr, /Premier démarrage\u00a0: chargement des territoires officiels/);
    const json = JSON.parse(res.stdout);
    assert.deepEqual(Object.keys(json), ['matched', 'ambiguous', 'notFound', 'invalid']);
    // Row 13's edition does not exist in this database: it is matched, not refused.
    assert.deepEqual(Object.fromEntries(json.matched.map((m: { row: number; code: string }) => [m.row, m.code])), { ...PRESS_MATCHED, 13: '77475' });
    assert.deepEqual(json.notFound, [{ row: 7 }]);
    assert.deepEqual(
      json.invalid.map((i: { row: number }) => i.row),
      [8, 9, 10, 14],
    );
  });

  test('--apply: the other modules hear of it, as they would in the server (their subscribers run in the command too)', async () => {
    const res = await runCli(['import-palmares', press, '--apply', '--skip-unmatched']);
    assert.equal(res.code, 0, res.stderr + res.stdout);
    const database = await openPglite(embeddedDataPath(dataDir));
    try {
      const entries = await queryRows<{ action: string; person_id: string | null }>(database.db, sql`select action, person_id from audit_entries`);
      assert.deepEqual(entries, [{ action: 'results.recorded', person_id: null }]);
    } finally {
      await database.close();
    }
  });
});
