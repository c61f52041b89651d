import type { FieldErrors } from '../../../platform/http/errors.ts';
import { DataTable, ErrorSummary, Field, FieldFrame, Notice, PostForm, formatDateTime, formatNumber } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { importMessages } from '../messages.ts';
import type { ImportSummary } from '../import-palmares-store.service.ts';
import { resultsMessages } from '../../label/messages.ts';
import { LEVELS, type ExcellenceParameters } from '../../label/results.rules.ts';
import type { Distinction, EditionSummary } from '../../label/results.service.ts';
import { adminCrumb, ImportSteps, importPath, palmaresAdminCrumb } from './admin-palmares-steps.tsx';

const m = importMessages.admin;

export type ImportListItem = {
  id: string;
  fileName: string;
  state: 'checked' | 'applied';
  createdAt: Date;
  appliedAt: Date | null;
  summary: ImportSummary | null;
};

export type AdminPalmaresProps = {
  editions: EditionSummary[];
  distinctions: Distinction[];
  imports: ImportListItem[];
  excellence: ExcellenceParameters;
  notice?: string;
  errors?: FieldErrors;
  /** The excellence form as typed, when refused. */
  values?: Record<string, string | undefined>;
};

const levelsHighFirst = [...LEVELS].reverse();

/** /admin/palmares: upload a past palmarès, the imports so far, the published editions, the excellence rule. */
export function AdminPalmaresPage(props: AdminPalmaresProps) {
  const errors = props.errors ?? {};
  return (
    <Layout title={m.title} breadcrumb={[adminCrumb, palmaresAdminCrumb]}>
      <h1>{m.title}</h1>
      <p class="lead">{m.intro}</p>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <ErrorSummary errors={errors} labels={m.fieldLabels} />
      <UploadSection error={errors.file} />
      <ImportsSection imports={props.imports} />
      <EditionsSection editions={props.editions} distinctions={props.distinctions} />
      <ExcellenceSection parameters={props.excellence} errors={errors} values={props.values} />
    </Layout>
  );
}

function UploadSection(props: { error?: string }) {
  const u = m.upload;
  return (
    <section class="section" aria-labelledby="titre-deposer">
      <h2 id="titre-deposer">{u.title}</h2>
      <ImportSteps current={1} />
      <p>{u.columns}</p>
      <p class="muted">{u.example}</p>
      <PostForm action="/admin/palmares/imports" enctype="multipart/form-data" class="palmares-upload">
        <FieldFrame
          name="file"
          label={u.file}
          hint={u.fileHint}
          error={props.error}
          required
          control={(aria) => <input {...aria} type="file" name="file" accept=".csv,text/csv" required />}
        />
        <button type="submit" class="button">
          {u.submit}
        </button>
      </PostForm>
    </section>
  );
}

function ImportsSection(props: { imports: ImportListItem[] }) {
  const t = m.imports;
  return (
    <section class="section" aria-labelledby="titre-imports">
      <h2 id="titre-imports">{t.title}</h2>
      {props.imports.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <DataTable id="legende-admin-imports" caption={t.caption}>
          <thead>
            <tr>
              <th scope="col">{t.file}</th>
              <th scope="col">{t.createdAt}</th>
              <th scope="col">{t.state}</th>
              <th scope="col" class="num">
                {t.rows}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.imports.map((i) => (
              <tr key={i.id}>
                <th scope="row">
                  <a href={importPath(i.id)}>{i.fileName}</a>
                </th>
                <td>{formatDateTime(i.createdAt)}</td>
                <td>{i.state === 'applied' && i.appliedAt ? t.applied(formatDateTime(i.appliedAt)) : t.checked}</td>
                <td class="num">{i.summary ? formatNumber(i.summary.imported) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}

function EditionsSection(props: { editions: EditionSummary[]; distinctions: Distinction[] }) {
  const t = m.editions;
  const names = new Map(props.distinctions.map((d) => [d.code, d.name]));
  return (
    <section class="section" aria-labelledby="titre-editions">
      <h2 id="titre-editions">{t.title}</h2>
      {props.editions.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <div class="admin-palmares__levels">
          <DataTable id="legende-admin-editions" caption={t.caption}>
            <thead>
              <tr>
                <th scope="col">{t.year}</th>
                <th scope="col" class="num">
                  {t.total}
                </th>
                {levelsHighFirst.map((level) => (
                  <th scope="col" class="num" key={level}>
                    <span aria-hidden="true">{resultsMessages.levelShort(level)}</span>
                    <span class="visually-hidden">{resultsMessages.levelLong(level)}</span>
                  </th>
                ))}
                <th scope="col" class="admin-palmares__distinctions">
                  {t.distinctions}
                </th>
              </tr>
            </thead>
            <tbody>
              {props.editions.map((e) => {
                const held = props.distinctions.flatMap((d) => {
                  const count = e.distinctions[d.code] ?? 0;
                  return count > 0 ? [{ code: d.code, count }] : [];
                });
                return (
                  <tr key={e.year}>
                    <th scope="row" class="admin-palmares__year">
                      <a href={`/palmares/${e.year}`}>{e.year}</a>
                    </th>
                    <td class="num">{formatNumber(e.total)}</td>
                    {levelsHighFirst.map((level) => (
                      <td class="num" key={level}>
                        {formatNumber(e.levels[level])}
                      </td>
                    ))}
                    <td class="admin-palmares__distinctions">
                      {held.length ? held.map((d) => <span key={d.code}>{`${names.get(d.code)} : ${formatNumber(d.count)}`}</span>) : t.none}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
        </div>
      )}
    </section>
  );
}

function ExcellenceSection(props: { parameters: ExcellenceParameters; errors: FieldErrors; values?: Record<string, string | undefined> }) {
  const t = m.excellence;
  const value = (field: keyof ExcellenceParameters) => props.values?.[field] ?? String(props.parameters[field]);
  return (
    <section class="section" aria-labelledby="titre-excellence">
      <h2 id="titre-excellence">{t.title}</h2>
      <p class="narrow">{t.intro}</p>
      <p>{resultsMessages.excellence.rule(props.parameters.consecutiveTopLevels, props.parameters.validityYears)}</p>
      <PostForm action="/admin/palmares/excellence">
        <div class="inline-fields admin-palmares__parameters">
          <Field
            name="consecutiveTopLevels"
            label={t.consecutiveTopLevels}
            hint={t.consecutiveTopLevelsHint}
            type="number"
            inputmode="numeric"
            value={value('consecutiveTopLevels')}
            error={props.errors.consecutiveTopLevels}
            required
          />
          <Field
            name="validityYears"
            label={t.validityYears}
            hint={t.validityYearsHint}
            type="number"
            inputmode="numeric"
            value={value('validityYears')}
            error={props.errors.validityYears}
            required
          />
        </div>
        <button type="submit" class="button">
          {t.submit}
        </button>
      </PostForm>
    </section>
  );
}
