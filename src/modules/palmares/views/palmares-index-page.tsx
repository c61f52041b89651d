import { DataTable, formatNumber } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { resultsMessages } from '../../label/messages.ts';
import { palmaresMessages } from '../palmares.messages.ts';
import { LEVELS } from '../../label/results.rules.ts';
import type { Distinction, EditionSummary } from '../../label/results.service.ts';

const m = palmaresMessages.index;

function coverageOf(editions: readonly EditionSummary[]): string {
  const years = editions.map((e) => e.year);
  return m.coverage(Math.min(...years), Math.max(...years), years.length);
}

/** Every published edition, newest first, with its counts per level and per distinction. */
export function PalmaresIndexPage(props: { editions: EditionSummary[]; distinctions: Distinction[] }) {
  const levels = [...LEVELS].reverse();
  return (
    <Layout title={m.title} description={m.description} breadcrumb={[{ href: '/palmares', label: palmaresMessages.breadcrumb }]}>
      <h1>{m.title}</h1>
      <p class="lead">{m.intro}</p>
      {props.editions.length ? <p>{coverageOf(props.editions)}</p> : null}
      <p>{m.distinctionsIntro}</p>
      {props.editions.length === 0 ? (
        <div class="palmares-empty">
          <p>
            <strong>{m.empty}</strong>
          </p>
          <p>{m.emptyNext(<a href="/initiatives">{m.observatory}</a>)}</p>
        </div>
      ) : (
        <>
          <DataTable id="legende-editions" caption={m.caption}>
            <thead>
              <tr>
                <th scope="col">{m.edition}</th>
                <th scope="col" class="num">
                  {m.total}
                </th>
                {levels.map((level) => (
                  <th scope="col" class="num" key={level}>
                    <abbr title={resultsMessages.levelLong(level)}>{m.levelColumn(level)}</abbr>
                  </th>
                ))}
                <th scope="col">{m.distinctions}</th>
              </tr>
            </thead>
            <tbody>
              {props.editions.map((edition) => {
                const held = props.distinctions.flatMap((d) => {
                  const count = edition.distinctions[d.code] ?? 0;
                  return count > 0 ? [{ code: d.code, name: d.name, count }] : [];
                });
                return (
                  <tr key={edition.year} data-annee={edition.year}>
                    <th scope="row" class="palmares-index__year">
                      <a href={`/palmares/${edition.year}`} aria-label={m.editionLink(edition.year)}>
                        {edition.year}
                      </a>
                    </th>
                    <td class="num">{formatNumber(edition.total)}</td>
                    {levels.map((level) => (
                      <td class="num" key={level} data-niveau={level}>
                        {formatNumber(edition.levels[level])}
                      </td>
                    ))}
                    <td class="palmares-index__distinctions">
                      {held.length === 0 ? (
                        <span class="muted">{m.noDistinction}</span>
                      ) : (
                        <ul class="plain-list">
                          {held.map((d) => (
                            <li key={d.code}>{m.distinctionCount(d.name, d.count)}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
          <p>
            {m.openData(
              <a href="/api/v1/editions">
                <code>/api/v1/editions</code>
              </a>,
              <a href="/api/docs">{m.docs}</a>,
            )}
          </p>
        </>
      )}
    </Layout>
  );
}
