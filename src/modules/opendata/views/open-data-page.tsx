import { DataTable } from '../../../platform/views/components.tsx';
import { formatDateTime } from '../../../platform/views/format.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import type { DatasetId } from '../dataset.ts';
import { downloadPath, WORKBOOK_PATH } from '../download-query.rules.ts';
import { csvCell } from '../export-format.rules.ts';
import { openDataMessages } from '../messages.ts';
import type { DatasetOverview, OpenDataOverview } from '../opendata.service.ts';

const m = openDataMessages;
const d = m.dataset;

const LICENCE_URL = 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/';
const DECOUPAGE_URL = 'https://github.com/etalab/decoupage-administratif';

const sectionId = (id: DatasetId) => `jeu-${id}`;

function updatedText(updated: DatasetOverview['updated']): string {
  if (updated === null) return d.notYet;
  if ('edition' in updated) return d.updatedEdition(updated.edition);
  if ('version' in updated) return d.referentialVersion(updated.version, updated.at);
  return d.updatedAt(updated.at);
}

/** A download link whose visible text is the format and whose name says which file. */
function DownloadLink(props: { href: string; format: string; of: string }) {
  return (
    <a class="button button--secondary button--small" href={props.href}>
      {props.format}
      <span class="visually-hidden">{props.of}</span>
    </a>
  );
}

function EditionDownloads(props: { editions: number[] }) {
  return (
    <>
      <h3>{d.editions}</h3>
      <div class="open-data__editions">
        <DataTable id="editions-palmares" caption={d.editionsCaption}>
          <thead>
            <tr>
              <th scope="col">{d.editionColumn}</th>
              <th scope="col">{d.csv}</th>
              <th scope="col">{d.csvSemicolon}</th>
              <th scope="col">{d.json}</th>
            </tr>
          </thead>
          <tbody>
            {props.editions.map((year) => (
              <tr key={year}>
                <th scope="row">{year}</th>
                <td>
                  <DownloadLink href={downloadPath('palmares', 'csv', { year })} format={d.csv} of={d.ofEdition(year)} />
                </td>
                <td>
                  <DownloadLink href={downloadPath('palmares', 'csv', { year, dialect: 'semicolon' })} format={d.csvSemicolonShort} of={d.ofEdition(year)} />
                </td>
                <td>
                  <DownloadLink href={downloadPath('palmares', 'json', { year })} format={d.json} of={d.ofEdition(year)} />
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </div>
    </>
  );
}

function DatasetSection(props: { item: DatasetOverview; editions: number[] }) {
  const { dataset, rowCount, updated } = props.item;
  const id = dataset.id;
  return (
    <section class="section open-data__dataset" aria-labelledby={sectionId(id)}>
      <h2 id={sectionId(id)}>{dataset.title}</h2>
      <p class="open-data__description">{dataset.description}</p>
      <dl class="facts">
        <div>
          <dt>{d.granularity}</dt>
          <dd class="open-data__row">{dataset.row}</dd>
        </div>
        <div>
          <dt>{d.rowCount}</dt>
          <dd>{d.rowCountValue(rowCount)}</dd>
        </div>
        <div>
          <dt>{d.updated}</dt>
          <dd>{updatedText(updated)}</dd>
        </div>
      </dl>
      <h3>{d.downloads}</h3>
      <ul class="open-data__downloads">
        <li>
          <DownloadLink href={downloadPath(id, 'csv')} format={d.csv} of={d.of(dataset.title)} />
        </li>
        <li>
          <DownloadLink href={downloadPath(id, 'csv', { dialect: 'semicolon' })} format={d.csvSemicolon} of={d.of(dataset.title)} />
        </li>
        <li>
          <DownloadLink href={downloadPath(id, 'json')} format={d.json} of={d.of(dataset.title)} />
        </li>
      </ul>
      {id === 'palmares' && props.editions.length > 0 ? <EditionDownloads editions={props.editions} /> : null}
      <h3 id={`colonnes-${id}`}>{d.columns}</h3>
      <dl class="open-data__columns">
        {dataset.columns.map((c) => {
          const example = csvCell(c.example, c.type);
          return (
            <div key={c.key} class="open-data__column">
              <dt>
                <code>{c.key}</code>
                <span class="open-data__label">{c.label}</span>
              </dt>
              <dd>
                <p>{c.description}</p>
                <p class="open-data__meta">
                  {d.columnType} : {m.types[c.type]} · {d.columnExample} : {example === '' ? d.emptyExample : <code>{example}</code>}
                </p>
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

export function OpenDataPage(props: { overview: OpenDataOverview }) {
  const { overview } = props;
  const latest = overview.editions[0];
  return (
    <Layout title={m.title} description={m.description} breadcrumb={[{ href: '/open-data', label: m.breadcrumb }]}>
      <h1>{m.title}</h1>
      <p class="lead">{m.intro}</p>
      <dl class="facts">
        <div>
          <dt>{m.summary.licence}</dt>
          <dd>
            <a href={LICENCE_URL}>{m.summary.licenceValue}</a>
          </dd>
        </div>
        <div>
          <dt>{m.summary.latestEdition}</dt>
          <dd>{latest === undefined ? m.summary.noEdition : <a href={`/palmares/${latest}`}>{latest}</a>}</dd>
        </div>
        <div>
          <dt>{m.summary.generatedAt}</dt>
          <dd>{formatDateTime(overview.generatedAt)}</dd>
        </div>
      </dl>
      <nav class="open-data__toc" aria-labelledby="titre-sommaire">
        <h2 id="titre-sommaire">{m.toc}</h2>
        <ul>
          <li>
            <a href="#titre-classeur">{m.workbook.title}</a>
          </li>
          {overview.datasets.map(({ dataset }) => (
            <li key={dataset.id}>
              <a href={`#${sectionId(dataset.id)}`}>{dataset.title}</a>
            </li>
          ))}
          <li>
            <a href="#titre-formats">{m.formats.title}</a>
          </li>
          <li>
            <a href="#titre-licence">{m.licence.title}</a>
          </li>
        </ul>
      </nav>
      <section class="section" aria-labelledby="titre-classeur">
        <h2 id="titre-classeur">{m.workbook.title}</h2>
        <p>{m.workbook.text}</p>
        <p>
          <a class="button" href={WORKBOOK_PATH}>
            {m.workbook.link}
          </a>
        </p>
      </section>
      {overview.datasets.map((item) => (
        <DatasetSection key={item.dataset.id} item={item} editions={overview.editions} />
      ))}
      <section class="section" aria-labelledby="titre-formats">
        <h2 id="titre-formats">{m.formats.title}</h2>
        <ul class="open-data__notes">
          <li>{m.formats.csv}</li>
          <li>{m.formats.semicolon}</li>
          <li>{m.formats.formulas}</li>
          <li>{m.formats.json}</li>
          <li>
            {m.formats.urls(
              (text) => (
                <code>{text}</code>
              ),
              overview.datasets.map(({ dataset }) => dataset.id),
            )}
          </li>
          <li>{m.formats.codes}</li>
          <li>{m.formats.stable}</li>
        </ul>
      </section>
      <section class="section" aria-labelledby="titre-licence">
        <h2 id="titre-licence">{m.licence.title}</h2>
        <p>{m.licence.ours(<a href={LICENCE_URL}>{m.licence.oursLink}</a>)}</p>
        <p>{m.licence.territories(<a href={DECOUPAGE_URL}>{m.licence.territoriesLink}</a>)}</p>
        <p>{m.licence.privacy}</p>
      </section>
    </Layout>
  );
}
