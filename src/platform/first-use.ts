/**
 * A library loaded the first time it is used, then kept. PDFs, photos, password checks and the
 * PostgreSQL driver each weigh about 3 to 10 MB of memory once imported; a server that only serves
 * public pages never needs them (ADR 0022). A failed load is tried again on the next use.
 */
export function onFirstUse<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
