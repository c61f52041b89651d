import { z } from 'zod';
import { INITIATIVE_VISIBILITIES, sheetContent } from './initiative.rules.ts';
import type { Sheet } from './initiative-sheet.service.ts';

const named = z.object({ id: z.string(), name: z.string() });

/**
 * The JSON of a sheet, for the API's responses (and its OpenAPI document): its content as saved
 * (`sheetContent`), with what its ids name, its photos and its state; dates as ISO strings.
 */
export const initiativeJson = z.object({
  id: z.uuid(),
  territoryCode: z.string(),
  territory: z.object({ code: z.string(), name: z.string() }),
  ...sheetContent.shape,
  services: z.array(named.extend({ theme: named, axis: named })),
  actors: z.array(named.extend({ kind: z.string(), website: z.string().nullable() })),
  photos: z.array(z.object({ id: z.uuid(), url: z.string(), thumbnailUrl: z.string(), alt: z.string(), width: z.number(), height: z.number() })),
  visibility: z.enum(INITIATIVE_VISIBILITIES),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  moderationReason: z.string().nullable(),
});
export type InitiativeJson = z.infer<typeof initiativeJson>;

export const photoUrl = (id: string, size: 'full' | 'thumbnail' = 'full') => `/photos/${id}${size === 'thumbnail' ? '/vignette' : ''}`;

export function toInitiativeJson(sheet: Sheet): InitiativeJson {
  return {
    id: sheet.id,
    territoryCode: sheet.territory.code,
    territory: { code: sheet.territory.code, name: sheet.territory.name },
    ...sheet.content,
    services: sheet.services.map((s) => ({ id: s.id, name: s.name, theme: s.theme, axis: s.axis })),
    actors: sheet.actors,
    photos: sheet.photos.map((p) => ({
      id: p.id,
      url: photoUrl(p.id),
      thumbnailUrl: photoUrl(p.id, 'thumbnail'),
      alt: p.alt,
      width: p.width,
      height: p.height,
    })),
    visibility: sheet.visibility,
    version: sheet.version,
    createdAt: sheet.createdAt.toISOString(),
    updatedAt: sheet.updatedAt.toISOString(),
    publishedAt: sheet.publishedAt?.toISOString() ?? null,
    moderationReason: sheet.moderationReason,
  };
}
