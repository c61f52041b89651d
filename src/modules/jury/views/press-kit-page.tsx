import { DataTable, Notice } from '../../../platform/views/components.tsx';
import { formatNumber } from '../../../platform/views/format.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { platformMessages } from '../../../platform/views/messages.ts';
import { LEVELS, type LevelCounts } from '../../label/results.rules.ts';
import { editionAdminMessages } from '../../label/messages.ts';
import { LevelSigns } from '../../label/views/level.tsx';
import { inRegion, pressKitMessages } from '../press-kit.messages.ts';
import type { PressKit } from '../press-kit.service.ts';

const m = pressKitMessages.page;

export const pressKitPath = (year: number) => `/admin/editions/${year}/dossier-de-presse`;
export const pressKitCsvPath = (year: number, regionCode?: string) => (regionCode ? `${pressKitPath(year)}/${regionCode}.csv` : `${pressKitPath(year)}.csv`);

/** The counts per level, the best first, and their total. */
function LevelsTable(props: { id: string; where: string; levels: LevelCounts; total: number }) {
  return (
    <DataTable id={props.id} caption={m.levelsCaption(props.where)}>
      <thead>
        <tr>
          <th scope="col">{m.level}</th>
          <th scope="col">{m.count}</th>
        </tr>
      </thead>
      <tbody>
        {[...LEVELS].reverse().map((level) => (
          <tr key={level}>
            <th scope="row">
              <LevelSigns level={level} />
            </th>
            <td>{formatNumber(props.levels[level])}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{m.total}</th>
          <td>{formatNumber(props.total)}</td>
        </tr>
      </tfoot>
    </DataTable>
  );
}

function Sentences(props: { sentences: readonly string[] }) {
  return (
    <ul class="press-kit__sentences">
      {props.sentences.map((sentence) => (
        <li key={sentence}>{`${sentence}.`}</li>
      ))}
    </ul>
  );
}

/** /admin/editions/:year/dossier-de-presse: the embargo, the national sentences, then each région with its counts and its CSV. */
export function PressKitPage(props: { kit: PressKit }) {
  const { kit } = props;
  const { year } = kit.edition;
  return (
    <Layout
      title={m.title(year)}
      breadcrumb={[
        { href: '/admin', label: platformMessages.layout.admin },
        { href: '/admin/editions', label: editionAdminMessages.title },
        { href: `/admin/editions/${year}`, label: String(year) },
        { href: pressKitPath(year), label: m.breadcrumb },
      ]}
    >
      <h1>{m.title(year)}</h1>
      {kit.embargo ? (
        <Notice kind="warning">
          <p>
            <strong>{m.embargoTitle}</strong> — {m.embargo(kit.embargo.until)}
          </p>
        </Notice>
      ) : (
        <Notice kind="info">
          <p>{m.published(kit.edition.publishedAt)}</p>
        </Notice>
      )}
      <p class="lead">{m.lead}</p>
      {kit.provisional && kit.national.total > 0 ? (
        <Notice kind="info">
          <p>{m.notClosed}</p>
        </Notice>
      ) : null}
      {kit.national.total === 0 ? (
        <p class="muted">{m.none}</p>
      ) : (
        <>
          <section aria-labelledby="national">
            <h2 id="national">{m.nationalTitle}</h2>
            <Sentences sentences={kit.national.sentences} />
            <LevelsTable id="niveaux-national" where={m.levelsNational} levels={kit.national.levels} total={kit.national.total} />
            <p>
              <a href={pressKitCsvPath(year)} download>
                {m.downloadAll}
              </a>
            </p>
          </section>
          {kit.regions.map((r) => {
            const id = r.region ? `region-${r.region.code}` : 'hors-region';
            const name = r.region?.name ?? m.otherRegion;
            return (
              <section key={id} aria-labelledby={id}>
                <h2 id={id}>{name}</h2>
                <Sentences sentences={r.sentences} />
                <LevelsTable id={`niveaux-${id}`} where={inRegion(r.region?.name ?? null)} levels={r.levels} total={r.total} />
                {r.region ? (
                  <p>
                    <a href={pressKitCsvPath(year, r.region.code)} download>
                      {m.downloadRegion(r.region.name)}
                    </a>
                  </p>
                ) : null}
              </section>
            );
          })}
        </>
      )}
      <p>
        <a href={`/admin/editions/${year}`}>{m.back}</a>
      </p>
    </Layout>
  );
}
