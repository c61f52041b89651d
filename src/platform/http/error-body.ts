import { z } from 'zod';

/**
 * The body of every error answer of the JSON API, as handleError (server.ts) writes it: the one
 * schema a route names for the 4xx responses it declares (a 404 where its parameters can name
 * nothing). The OpenAPI document describes its fields in French.
 */
export const apiErrorBody = z.object({
  error: z.string(),
  message: z.string(),
  field: z.string().optional(),
  fields: z.record(z.string(), z.string()).optional(),
});
