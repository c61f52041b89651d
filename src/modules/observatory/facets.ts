/** The facets of the observatory search, in the order the page shows them. */
export const FACETS = [
  'axis',
  'theme',
  'service',
  'status',
  'region',
  'department',
  'stratum',
  'category',
  'labelLevel',
  'year',
  'actor',
  'audience',
  'responsibleDigital',
] as const;
export type Facet = (typeof FACETS)[number];

/** A facet lists at most this many values, most frequent first. */
export const FACET_VALUES_LIMIT = 200;
