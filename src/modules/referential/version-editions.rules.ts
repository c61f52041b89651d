/**
 * Which editions of the label a published version of the referential serves. A version is named
 * after the first edition it serves (« 2027 »); it serves the following ones until the next version.
 * A version not named by a year says nothing about editions. Pure, no I/O.
 */
export type ServedEditions = { from: number; to: number | null } | null;

export function editionsServed(version: string, publishedVersions: readonly string[]): ServedEditions {
  const year = (name: string) => (/^\d{4}$/.test(name) ? Number(name) : null);
  const from = year(version);
  if (from === null) return null;
  const later = publishedVersions
    .map(year)
    .filter((y): y is number => y !== null && y > from)
    .sort((a, b) => a - b);
  const next = later[0];
  return { from, to: next === undefined ? null : next - 1 };
}
