import assert from 'node:assert/strict';
import { textOf } from './http-client.ts';

/** The body rows of the table whose caption has this id, cell texts in order. */
export function tableRows(html: string, captionId: string): string[][] {
  const start = html.indexOf(`id="${captionId}"`);
  assert.ok(start > 0, `no table ${captionId}`);
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html.slice(start))?.[1] ?? '';
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => textOf(c[1]!)));
}
