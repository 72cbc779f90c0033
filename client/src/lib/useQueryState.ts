import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * Filters and searches live in the query string, so a URL can be shared and the back button works.
 * Empty values are removed rather than written as `?q=`.
 */
export function useQueryState(): [URLSearchParams, (changes: Record<string, string | undefined>) => void] {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (changes: Record<string, string | undefined>) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined || value === '') next.delete(key);
          else next.set(key, value);
        }
        return next;
      }),
    [setParams],
  );
  return [params, update];
}
