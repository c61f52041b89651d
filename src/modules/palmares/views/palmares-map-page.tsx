import { Layout } from '../../../platform/views/layout.tsx';
import { titleWithFilters } from '../../../platform/views/page-title.ts';
import { palmaresMessages } from '../palmares.messages.ts';
import type { PalmaresEditionPage } from '../palmares.service.ts';
import { chosenFilterLabels, FilteredHeading, IgnoredNotices, pageUrl } from './palmares-filters.tsx';
import { PalmaresMapSection, type MapView } from './palmares-map-section.tsx';

const m = palmaresMessages;

/**
 * The map of an edition on its own page (issue 12, item 10): its hundred shapes weigh as much as
 * the list of a big edition, which links here with its filters. Its data table is the same page
 * with `?vue=tableau`.
 */
export function PalmaresMapPage(props: { page: PalmaresEditionPage; view: MapView }) {
  const { page } = props;
  const chosen = chosenFilterLabels(page);
  const listUrl = pageUrl(page.year, page.filters, page.mapMode);
  return (
    <Layout
      title={titleWithFilters(m.map.pageTitle(page.year), chosen)}
      description={m.map.pageDescription(page.year)}
      breadcrumb={[
        { href: '/palmares', label: m.breadcrumb },
        { href: `/palmares/${page.year}`, label: String(page.year) },
        { href: `/palmares/${page.year}/carte`, label: m.map.title },
      ]}
    >
      <FilteredHeading title={m.map.pageTitle(page.year)} chosen={chosen} />
      <p>
        <a href={listUrl}>
          <span aria-hidden="true">← </span>
          {m.map.backToList(page.year)}
        </a>
      </p>
      <IgnoredNotices page={page} />
      <PalmaresMapSection page={page} view={props.view} />
    </Layout>
  );
}
