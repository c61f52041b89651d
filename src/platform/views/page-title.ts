/**
 * The title of a page that shows a filtered list: the chosen filters first, then the page's own
 * title (« Pays de la Loire, @ verte · Palmarès 2023 »), so that tabs, history and shared links
 * tell the searches apart. The same rule for every filtered page.
 */
export function titleWithFilters(title: string, chosen: readonly (string | null | undefined)[]): string {
  const parts = chosen.filter((part): part is string => Boolean(part));
  return parts.length ? `${parts.join(', ')} · ${title}` : title;
}
