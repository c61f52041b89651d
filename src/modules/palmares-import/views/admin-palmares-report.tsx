import type { ComponentChildren } from 'preact';
import type { FieldErrors } from '../../../platform/http/errors.ts';
import { DataTable, ErrorSummary, Notice, PostForm, formatDateTime } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { Pagination } from '../../../platform/views/pagination.tsx';
import { importMessages } from '../messages.ts';
import { invalidRowCount, SKIP, unresolvedRows, type PalmaresReport, type RowInput, type RowToDecide } from '../import-palmares.service.ts';
import type { StoredImport } from '../import-palmares-store.service.ts';
import { resultsMessages } from '../../label/messages.ts';
import { adminCrumb, CountList, ImportSteps, importPath, palmaresAdminCrumb } from './admin-palmares-steps.tsx';
import { pageOf, pagesQuery, REPORT_PAGE_SIZE, type ReportPages, type ReportTable, type TablePage } from '../report-pages.rules.ts';
import type { TerritoryOption } from '../../territories/pick-territory.service.ts';
import { TERRITORY_PICKER_SCRIPT, TerritoryPicker } from '../../territories/views/territory-picker.tsx';

const m = importMessages.report;

export type ReportPageProps = {
  stored: StoredImport;
  report: PalmaresReport;
  /** Distinction code → name, to show how the file's distinctions were read. */
  distinctionNames: Map<string, string>;
  notice?: string;
  errors?: FieldErrors;
  /** The decision form as posted, when refused. */
  values?: Record<string, string | undefined>;
  /** The page shown of each table (see report-pages.rules.ts). */
  pages: ReportPages;
  /** Per row, the territories a typed name could mean (offered back as a choice). */
  pickerOptions?: Record<number, TerritoryOption[]>;
};

/**
 * Where a long table stands, and the links to its other pages (keeping the other tables' pages);
 * nothing for a table that fits on one page.
 */
function TablePager(props: {
  table: ReportTable;
  page: TablePage<unknown>;
  what: 'Lignes' | 'Erreurs' | 'Remarques';
  label: string;
  importId: string;
  pages: ReportPages;
}) {
  const { page } = props;
  if (page.pages <= 1) return null;
  return (
    <>
      <p class="muted">{m.pages.range(props.what, page.first, page.last, page.total)}</p>
      <Pagination
        basePath={importPath(props.importId)}
        params={pagesQuery(props.pages)}
        page={page.page}
        total={page.total}
        pageSize={REPORT_PAGE_SIZE}
        param={props.table}
        label={props.label}
        fragment={`lignes-${props.table}`}
      />
    </>
  );
}

/** What a row of the file says, in one line. */
export function Written(props: { input: RowInput }) {
  const i = props.input;
  return (
    <>
      <strong>{i.name}</strong>
      {i.department ? ` (${i.department})` : ''}, {i.year}, {resultsMessages.levelShort(i.level)}
      {i.distinctions.length ? <span class="muted"> — {i.distinctions.join(', ')}</span> : null}
    </>
  );
}

/** The form field of a row's choice: a candidate's code, 'code' (typed below), `SKIP`, or '' (later). */
export function choiceValues(r: RowToDecide, values?: Record<string, string | undefined>): { choice: string; code: string } {
  if (values) {
    const posted = { choice: values[`choix-${r.row}`] ?? '', code: values[`code-${r.row}`] ?? '' };
    // A territory typed with "later" still ticked was read as the typed one: shown so.
    return posted.choice === '' && posted.code.trim() ? { ...posted, choice: 'code' } : posted;
  }
  if (r.choice === null) return { choice: '', code: '' };
  if (r.choice === SKIP) return { choice: SKIP, code: '' };
  if (r.candidates.some((c) => c.code === r.choice)) return { choice: r.choice, code: '' };
  return { choice: 'code', code: r.choice };
}

/**
 * The report of a checked import: counts, rows to decide, invalid rows, matched rows, and the import
 * button. With rows to decide, the whole report is one form: "Importer" posts the choices made on
 * the page with it, whether or not "Enregistrer mes choix" was pressed before.
 */
export function AdminPalmaresReportPage(props: ReportPageProps) {
  const { stored, report } = props;
  const errors = props.errors ?? {};
  const labels: Record<string, string> = { ...importMessages.admin.fieldLabels };
  for (const r of report.toDecide) labels[`code-${r.row}`] = m.decide.code(r.row);
  const unresolved = unresolvedRows(report).length;
  const deciding = report.toDecide.length > 0;
  const sections = (
    <>
      {deciding ? <DecideSection {...props} /> : null}
      {report.invalid.length ? <InvalidSection report={report} importId={stored.id} pages={props.pages} /> : null}
      {report.notes.length ? <NotesSection report={report} importId={stored.id} pages={props.pages} /> : null}
      {report.matched.length ? <MatchedSection report={report} distinctionNames={props.distinctionNames} importId={stored.id} pages={props.pages} /> : null}
      <ApplySection stored={stored} report={report} unresolved={unresolved} error={errors.skipUnmatched} inForm={deciding} />
    </>
  );
  return (
    <Layout
      title={m.documentTitle(stored.fileName)}
      scripts={deciding ? [TERRITORY_PICKER_SCRIPT] : undefined}
      breadcrumb={[adminCrumb, palmaresAdminCrumb, { href: importPath(stored.id), label: stored.fileName }]}
    >
      <h1>{m.title(stored.fileName)}</h1>
      <ImportSteps current={2} />
      <p>
        {m.uploadedAt(formatDateTime(stored.createdAt))} {m.rowNumbering}
      </p>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <ErrorSummary errors={errors} labels={labels} unlinked={unresolved ? ['decisions'] : ['decisions', 'skipUnmatched']} />
      <section class="section" aria-labelledby="titre-bilan">
        <h2 id="titre-bilan">{m.counts.title}</h2>
        <CountList
          label={m.counts.title}
          items={[
            { label: m.counts.rows(report.rows), value: report.rows },
            { label: m.counts.matched(report.matched.length), value: report.matched.length, id: 'lignes-reconnues' },
            { label: m.counts.ambiguous(report.ambiguous.length), value: report.ambiguous.length, id: 'lignes-a-trancher' },
            { label: m.counts.notFound(report.notFound.length), value: report.notFound.length, id: 'lignes-a-trancher' },
            { label: m.counts.invalid(invalidRowCount(report)), value: invalidRowCount(report), id: 'lignes-invalides' },
            { label: m.counts.skipped(report.skipped.length), value: report.skipped.length },
          ]}
        />
      </section>
      {deciding ? (
        <PostForm action={`${importPath(stored.id)}/choix`} class="palmares-report-form">
          {sections}
        </PostForm>
      ) : (
        sections
      )}
    </Layout>
  );
}

function DecideSection(props: ReportPageProps) {
  const d = m.decide;
  const errors = props.errors ?? {};
  const page = pageOf(props.report.toDecide, props.pages['a-trancher']);
  return (
    <section class="section" id="lignes-a-trancher" aria-labelledby="titre-a-trancher">
      <h2 id="titre-a-trancher">{d.title}</h2>
      <p class="narrow">{d.intro}</p>
      {page.pages > 1 ? <p class="narrow">{m.pages.decideHint}</p> : null}
      <TablePager table="a-trancher" page={page} what="Lignes" label={m.pages.decide} importId={props.stored.id} pages={props.pages} />
      <div class="palmares-decisions">
        {/* The page these choices come from: saving leads back to it. */}
        <input type="hidden" name="a-trancher" value={String(page.page)} />
        <DataTable id="legende-a-trancher" caption={d.caption}>
          <thead>
            <tr>
              <th scope="col">{d.row}</th>
              <th scope="col">{d.written}</th>
              <th scope="col">{d.reason}</th>
              <th scope="col">{d.choice}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((r) => (
              <DecisionRow key={r.row} row={r} error={errors[`code-${r.row}`]} values={props.values} options={props.pickerOptions?.[r.row]} />
            ))}
          </tbody>
        </DataTable>
        {/* First submit button of the form: Enter in a field saves, never imports. */}
        <button type="submit" class="button">
          {d.submit}
        </button>
        {/* The page's links would leave its choices behind: this button saves them on the way. */}
        {page.page < page.pages ? (
          <button type="submit" class="button button--secondary" name="aller-a" value={String(page.page + 1)}>
            {d.submitAndNext}
          </button>
        ) : null}
      </div>
    </section>
  );
}

function DecisionRow(props: { row: RowToDecide; error?: string; values?: Record<string, string | undefined>; options?: TerritoryOption[] }) {
  const d = m.decide;
  const r = props.row;
  const { choice, code } = choiceValues(r, props.values);
  const name = `choix-${r.row}`;
  const codeId = `champ-code-${r.row}`;
  const radio = (value: string, label: string, i: number | string) => (
    <div class="palmares-choice" key={value}>
      <input type="radio" id={`${name}-${i}`} name={name} value={value} checked={choice === value} />
      <label for={`${name}-${i}`}>{label}</label>
    </div>
  );
  return (
    <tr>
      <th scope="row" class="palmares-decisions__row">
        {r.row}
      </th>
      <td class="palmares-decisions__written">
        <Written input={r.input} />
      </td>
      <td class="palmares-decisions__reason">{r.reason}</td>
      <td class="palmares-decisions__choice">
        <fieldset class={props.error ? 'palmares-choices field--error' : 'palmares-choices'} aria-describedby={props.error ? `${codeId}-erreur` : undefined}>
          <legend class="visually-hidden">{d.legend(r.row, r.input.name)}</legend>
          {r.candidates.map((c, i) => radio(c.code, d.candidate(c), i))}
          {radio(SKIP, d.skip, 'ignorer')}
          {radio('', d.later, 'plus-tard')}
          {/* Last, so that its field follows it in the tab order: Tab leaves the group for the field. */}
          {radio('code', r.status === 'ambiguous' ? d.otherCode : d.notFoundCode, 'code')}
          {/* The error is shown above the field it names (its id: `${codeId}-erreur`). */}
          <TerritoryPicker
            name={`code-${r.row}`}
            label={d.code(r.row)}
            hint={d.codeHint}
            placeholder={d.codeHint}
            value={code}
            error={props.error}
            options={props.options}
            labelHidden
            class="palmares-choice__code"
          />
        </fieldset>
      </td>
    </tr>
  );
}

type TableProps = { report: PalmaresReport; importId: string; pages: ReportPages };

function InvalidSection(props: TableProps) {
  const t = m.invalid;
  const page = pageOf(props.report.invalid, props.pages.invalides);
  return (
    <section class="section" id="lignes-invalides" aria-labelledby="titre-invalides">
      <h2 id="titre-invalides">{t.title}</h2>
      <p class="narrow">{t.intro}</p>
      <TablePager table="invalides" page={page} what="Erreurs" label={m.pages.invalid} importId={props.importId} pages={props.pages} />
      <DataTable id="legende-invalides" caption={t.caption}>
        <thead>
          <tr>
            <th scope="col">{t.row}</th>
            <th scope="col">{t.message}</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((r) => (
            <tr key={`${r.row}-${r.field}`}>
              <th scope="row" class="palmares-decisions__row">
                {r.row}
              </th>
              <td>{r.message}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </section>
  );
}

function NotesSection(props: TableProps) {
  const page = pageOf(props.report.notes, props.pages.remarques);
  return (
    <section class="section" id="lignes-remarques" aria-labelledby="titre-remarques">
      <h2 id="titre-remarques">{m.notes.title}</h2>
      <TablePager table="remarques" page={page} what="Remarques" label={m.pages.notes} importId={props.importId} pages={props.pages} />
      <ul>
        {page.items.map((n) => (
          <li key={`${n.row}-${n.message}`}>
            {importMessages.cli.row(n.row)} — {n.message}
          </li>
        ))}
      </ul>
    </section>
  );
}

function MatchedSection(props: TableProps & { distinctionNames: Map<string, string> }) {
  const t = m.matched;
  const names = (codes: string[]) => codes.map((c) => props.distinctionNames.get(c) ?? c).join(', ');
  const page = pageOf(props.report.matched, props.pages.reconnues);
  return (
    <section class="section" id="lignes-reconnues" aria-labelledby="titre-reconnues">
      <h2 id="titre-reconnues">{t.title}</h2>
      {/* Unfolded when one of its pages was asked for. */}
      <details class="palmares-matched" open={props.pages.reconnues > 1}>
        <summary>{t.summary(props.report.matched.length)}</summary>
        <TablePager table="reconnues" page={page} what="Lignes" label={m.pages.matched} importId={props.importId} pages={props.pages} />
        <DataTable id="legende-reconnues" caption={t.caption}>
          <thead>
            <tr>
              <th scope="col">{t.row}</th>
              <th scope="col">{t.written}</th>
              <th scope="col">{t.territory}</th>
              <th scope="col">{t.reason}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((r) => (
              <tr key={r.row}>
                <th scope="row" class="palmares-decisions__row">
                  {r.row}
                </th>
                <td>
                  <Written input={r.input} />
                </td>
                <td>
                  {r.name} <span class="muted">({r.code})</span>
                  {r.distinctions.length ? <span class="palmares-matched__distinctions">{names(r.distinctions)}</span> : null}
                </td>
                <td>{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </details>
    </section>
  );
}

function ApplySection(props: { stored: StoredImport; report: PalmaresReport; unresolved: number; error?: string; inForm: boolean }) {
  const a = m.apply;
  const n = props.report.matched.length;
  const id = 'champ-skipUnmatched';
  return (
    <section class="section" id="importer" aria-labelledby="titre-importer">
      <h2 id="titre-importer">{a.title}</h2>
      {n > 0 ? <p>{a.ready(n)}</p> : <p>{props.inForm ? a.nothingYet : a.nothing}</p>}
      {props.inForm ? <p class="muted">{a.withChoices}</p> : null}
      {n === 0 && !props.inForm ? null : (
        <ApplyForm action={`${importPath(props.stored.id)}/importer`} inForm={props.inForm}>
          {props.unresolved ? (
            <div class={props.error ? 'field field--error' : 'field'}>
              <p>{a.unresolved(props.unresolved)}</p>
              {props.error ? (
                <p class="field__error" id={`${id}-erreur`}>
                  {props.error}
                </p>
              ) : null}
              <div class="palmares-choice">
                <input
                  type="checkbox"
                  id={id}
                  name="skipUnmatched"
                  value="1"
                  // Not required inside the decisions' form: the choices posted with it may settle every row.
                  required={!props.inForm}
                  aria-describedby={[`${id}-aide`, props.error ? `${id}-erreur` : ''].filter(Boolean).join(' ')}
                />
                <label for={id}>{a.skipUnmatched}</label>
              </div>
              <p class="field__hint" id={`${id}-aide`}>
                {a.skipUnmatchedHint(props.unresolved)}
              </p>
            </div>
          ) : null}
          <button type="submit" class="button" formaction={props.inForm ? `${importPath(props.stored.id)}/importer` : undefined}>
            {n > 0 ? a.submit(n) : a.submitChosen}
          </button>
        </ApplyForm>
      )}
    </section>
  );
}

/** The import's controls: a form of their own, or a part of the decisions' form (its button then says where it posts). */
function ApplyForm(props: { action: string; inForm: boolean; children: ComponentChildren }) {
  if (props.inForm) return <div class="palmares-apply">{props.children}</div>;
  return (
    <PostForm action={props.action} class="palmares-apply">
      {props.children}
    </PostForm>
  );
}
