import { formatNumber, Notice } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { territoryMessages } from '../../territories/messages.ts';
import type { TerritoryCategory, TerritoryStratum } from '../../territories/territory.rules.ts';
import { resultsMessages } from '../../label/messages.ts';
import { areaLocative, palmaresMessages, summarySentences } from '../palmares.messages.ts';
import { groupByLevel, openLevels } from '../palmares.rules.ts';
import type { PalmaresEditionPage as PageData } from '../palmares.service.ts';
import type { EditionResult } from '../../label/results.service.ts';
import { titleWithFilters } from '../../../platform/views/page-title.ts';
import { chosenFilterLabels, FilteredHeading, IgnoredNotices, mapPageUrl, PalmaresFiltersForm, pageUrl } from './palmares-filters.tsx';

const m = palmaresMessages;

/** The summary sentences of the page, scoped by its filters. */
function sentencesOf(page: PageData): string[] {
  const { filters } = page;
  const distinction = page.distinctions.find((d) => d.code === filters.distinction);
  const place = filters.department
    ? areaLocative({ kind: 'department', code: filters.department, name: page.areas.departments.get(filters.department) ?? filters.department })
    : filters.region
      ? areaLocative({ kind: 'region', code: filters.region, name: page.areas.regions.get(filters.region) ?? filters.region })
      : undefined;
  return summarySentences(
    {
      year: page.year,
      level: filters.level ? Number(filters.level) : undefined,
      category: filters.category as TerritoryCategory | undefined,
      stratum: filters.stratum as TerritoryStratum | undefined,
      distinction,
      place,
    },
    page.summary,
    new Map(page.distinctions.map((d) => [d.code, d])),
  );
}

/** Instead of a summary that would be false: the filters exclude each other, and a way out of each. */
function Contradiction(props: { page: PageData; contradiction: { department: string; region: string } }) {
  const { page, contradiction } = props;
  const departmentName = page.areas.departments.get(contradiction.department) ?? contradiction.department;
  const regionName = page.areas.regions.get(contradiction.region) ?? contradiction.region;
  const department = `le département ${departmentName} (${contradiction.department})`;
  const region = areaLocative({ kind: 'region', code: contradiction.region, name: regionName });
  return (
    <Notice kind="warning">
      <p>{m.filters.contradiction(department, region)}</p>
      <ul>
        <li>
          <a href={pageUrl(page.year, { ...page.filters, region: undefined })}>{m.filters.onlyDepartment(department)}</a>
        </li>
        <li>
          <a href={pageUrl(page.year, { ...page.filters, department: undefined })}>{m.filters.onlyRegion(regionName)}</a>
        </li>
      </ul>
    </Notice>
  );
}

function EditionNav(props: { previous: number | null; next: number | null }) {
  return (
    <nav class="edition-nav" aria-label={m.edition.otherEditions}>
      <ul>
        {props.previous ? (
          <li>
            <a href={`/palmares/${props.previous}`} rel="prev">
              <span aria-hidden="true">← </span>
              <span class="visually-hidden">{m.edition.previousLabel} </span>
              {m.edition.previous(props.previous)}
            </a>
          </li>
        ) : null}
        <li>
          <a href="/palmares">{m.edition.allEditions}</a>
        </li>
        {props.next ? (
          <li>
            <a href={`/palmares/${props.next}`} rel="next">
              <span class="visually-hidden">{m.edition.nextLabel} </span>
              {m.edition.next(props.next)}
              <span aria-hidden="true"> →</span>
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** One laureate: bare markup (styled by its list), as a big edition has hundreds of them. */
function Laureate(props: { entry: EditionResult; distinctionNames: Map<string, string> }) {
  const { entry } = props;
  const meta = [
    territoryMessages.kinds[entry.kind],
    territoryMessages.categories[entry.category],
    entry.department ? m.list.department(entry.department.name, entry.department.code) : null,
  ].filter(Boolean);
  return (
    <li>
      <a href={`/territoires/${encodeURIComponent(entry.code)}`}>{entry.name}</a>
      <small>{meta.join(' · ')}</small>
      {entry.distinctions.length ? (
        <span class="palmares-entry__distinctions">
          <span class="visually-hidden">{m.list.distinctions} </span>
          {entry.distinctions.map((code) => (
            <span class="badge badge--distinction" key={code}>
              {props.distinctionNames.get(code) ?? code}
            </span>
          ))}
        </span>
      ) : null}
    </li>
  );
}

function LaureateList(props: { page: PageData; groups: ReturnType<typeof groupByLevel<EditionResult>> }) {
  const { page, groups } = props;
  const distinctionNames = new Map(page.distinctions.map((d) => [d.code, d.name]));
  const open = openLevels(groups);
  return (
    <section aria-labelledby="laureats" class="palmares-laureates">
      <h2 id="laureats" tabIndex={-1}>
        {m.list.title(page.laureates.length)}
      </h2>
      {page.laureates.length === 0 ? (
        <>
          <p>{m.list.none}</p>
          <p>{m.list.noneHelp}</p>
        </>
      ) : null}
      {open.size < groups.length ? <p class="muted">{m.list.foldedHelp}</p> : null}
      {groups.map((group) => (
        <section aria-labelledby={`niveau-${group.level}`} class="palmares-level" key={group.level} data-niveau={group.level}>
          <h3 id={`niveau-${group.level}`}>
            <span class="level__signs palmares-level__signs" aria-hidden="true">
              {resultsMessages.levelSigns(group.level)}
            </span>
            <span>{resultsMessages.levelLong(group.level)}</span>
            <span class="palmares-level__count">
              <span class="visually-hidden">, </span>
              {m.list.level(group.entries.length)}
            </span>
          </h3>
          {open.has(group.level) ? (
            <>
              <ul class="result-list palmares-level__list">
                {group.entries.map((entry) => (
                  <Laureate entry={entry} distinctionNames={distinctionNames} key={entry.code} />
                ))}
              </ul>
              {groups.length > 1 ? (
                <p class="palmares-level__top">
                  <a href="#aller-niveaux">{m.list.backToLevels}</a>
                </p>
              ) : null}
            </>
          ) : (
            // A big level has its own list (the level filter, the others kept): see openLevels.
            <p class="palmares-level__page">
              <a href={pageUrl(page.year, { ...page.filters, level: String(group.level) }, page.mapMode, '#laureats')}>
                {m.list.levelPage(group.entries.length, resultsMessages.levelShort(group.level))}
              </a>
            </p>
          )}
        </section>
      ))}
    </section>
  );
}

/** Links to each level's list and to the map: the palmarès of a big edition is long. */
function JumpNav(props: { groups: { level: number; entries: unknown[] }[] }) {
  if (props.groups.length === 0) return null;
  return (
    <nav aria-labelledby="aller-niveaux" class="palmares-jump">
      <h2 id="aller-niveaux" class="palmares-jump__title" tabIndex={-1}>
        {m.list.jumpTitle}
      </h2>
      <ul>
        {props.groups.map((group) => (
          <li key={group.level}>
            <a href={`#niveau-${group.level}`}>
              <span aria-hidden="true">{resultsMessages.levelShort(group.level)}</span>
              <span class="visually-hidden">{resultsMessages.levelLong(group.level)}</span> ({formatNumber(group.entries.length)})
            </a>
          </li>
        ))}
        <li>
          <a href="#carte">{m.list.jumpMap}</a>
        </li>
      </ul>
    </nav>
  );
}

/** Where the map is: its own page (with its data table), a link that keeps the filters and the colouring. */
function MapLink(props: { page: PageData }) {
  const { page } = props;
  return (
    <section aria-labelledby="titre-carte" id="carte" class="palmares-map-link">
      <h2 id="titre-carte">{m.map.title}</h2>
      <p>{m.map.elsewhere}</p>
      <p>
        <a href={mapPageUrl(page.year, page.filters, page.mapMode)} class="button button--secondary">
          {m.map.pageLink}
        </a>
      </p>
    </section>
  );
}

/** An edition deliberated on the platform: its laureates' interviews, with the jury's word. */
function InterviewsLink(props: { year: number }) {
  return (
    <section aria-labelledby="titre-entretiens">
      <h2 id="titre-entretiens">{m.interviews.title}</h2>
      <p>
        <a href={`/palmares/${props.year}/entretiens`}>{m.interviews.link(props.year)}</a>
      </p>
    </section>
  );
}

export function PalmaresEditionPage(props: { page: PageData }) {
  const { page } = props;
  const groups = groupByLevel(page.laureates);
  const chosen = chosenFilterLabels(page);
  return (
    <Layout
      title={titleWithFilters(m.edition.title(page.year), chosen)}
      description={m.edition.description(page.year)}
      breadcrumb={[
        { href: '/palmares', label: m.breadcrumb },
        { href: `/palmares/${page.year}`, label: String(page.year) },
      ]}
    >
      <FilteredHeading title={m.edition.title(page.year)} chosen={chosen} />
      <EditionNav previous={page.previous} next={page.next} />
      <IgnoredNotices page={page} />
      <section aria-labelledby="titre-bref" class="palmares-summary">
        <h2 id="titre-bref" class="visually-hidden">
          {m.edition.summaryTitle}
        </h2>
        {page.contradiction ? <Contradiction page={page} contradiction={page.contradiction} /> : sentencesOf(page).map((sentence) => <p>{sentence}</p>)}
      </section>
      <JumpNav groups={groups} />
      <PalmaresFiltersForm page={page} />
      <MapLink page={page} />
      {page.deliberated ? <InterviewsLink year={page.year} /> : null}
      <LaureateList page={page} groups={groups} />
    </Layout>
  );
}
