/**
 * How work is split: at most N calls in flight (set-up and teardown of run data, self-check jobs), and
 * lists cut into batches of a request's item limit (account import and deletion, mark clearing).
 */

/**
 * Runs `fn` over `items` with at most `limit` in flight; results keep the input order. A failing item
 * does not stop the others (a teardown must still clean the rest): once every item has settled, the
 * first error is thrown.
 */
export async function mapPool<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failed: { error: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i] as T, i);
      } catch (error) {
        failed ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  if (failed) throw failed.error;
  return results;
}

/** `items` cut into consecutive batches of at most `size`. */
export const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
