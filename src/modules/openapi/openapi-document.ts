import type { FastifyDynamicSwaggerOptions, SwaggerTransform } from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import packageJson from '../../../package.json' with { type: 'json' };
import { openapiMessages } from './messages.ts';

const m = openapiMessages.document;

/** Only the public JSON API is documented; pages, /healthz, static files and the document itself are not. */
export const PUBLIC_API_PREFIX = '/api/v1/';
export const OPENAPI_DOCUMENT_PATH = '/api/openapi.json';
export const API_VERSION = packageJson.version;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const BEARER_AUTH = 'bearerAuth';

/** The error body every route answers with (see handleError in platform/http/server.ts). */
const errorBody = z.object({
  error: z.string().describe(m.errorFields.error),
  message: z.string().describe(m.errorFields.message),
  field: z.string().optional().describe(m.errorFields.field),
  fields: z.record(z.string(), z.string()).optional().describe(m.errorFields.fields),
});

type RouteSchema = Record<string, unknown> & { response?: Record<string, unknown>; security?: { [scheme: string]: readonly string[] }[] };

export const isPublicApiUrl = (url: string) => url.startsWith(PUBLIC_API_PREFIX);

/**
 * From a route's zod schema to its OpenAPI operation: fastify-type-provider-zod converts the zod
 * schemas; this adds what the platform does for every route whatever its schema says — the 400 of
 * input validation, the bearer token and 401 of writes — and a French description to each response.
 */
const transform: SwaggerTransform = (input) => {
  if (!isPublicApiUrl(input.url)) return { schema: { hide: true }, url: input.url };
  const methods = [input.route.method].flat();
  const original = (input.schema ?? {}) as RouteSchema;
  const needsAuth = methods.some((method) => WRITE_METHODS.has(method)) || (original.security?.length ?? 0) > 0;
  const response: Record<string, unknown> = { ...(original.response ?? { 200: z.unknown() }) };
  // Invalid parameters or body: handleError answers 400 with the error body.
  if (original.querystring || original.params || original.body || original.headers) response[400] ??= errorBody;
  if (needsAuth) response[401] ??= errorBody;
  const withPlatform = {
    ...original,
    response,
    ...(needsAuth ? { security: original.security ?? [{ [BEARER_AUTH]: [] }] } : {}),
  };
  const result = jsonSchemaTransform({ ...input, schema: withPlatform });
  const responses = (result.schema as RouteSchema).response ?? {};
  for (const [code, json] of Object.entries(responses)) {
    const schema = json as Record<string, unknown>;
    const description = typeof schema.description === 'string' && schema.description ? schema.description : (m.responses[code] ?? m.otherResponse(code));
    // A 204 has no body: a `null` schema tells @fastify/swagger to describe no content. A schema
    // named in zod's registry arrives as a $ref, whose description @fastify/swagger reads beside it.
    responses[code] = code === '204' ? { type: 'null', description } : { ...schema, [schema.$ref ? 'description' : 'x-response-description']: description };
  }
  return result;
};

/** The options of @fastify/swagger: registered before the routes, it collects them as they are added. */
export function openapiOptions(baseUrl: string): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.0.3',
      info: { title: m.title, version: API_VERSION, description: m.description },
      servers: [{ url: baseUrl }],
      components: {
        securitySchemes: {
          [BEARER_AUTH]: { type: 'http', scheme: 'bearer', bearerFormat: 'arb_…', description: m.bearerDescription },
        },
      },
    },
    transform,
    transformObject: jsonSchemaTransformObject,
  };
}
