import type { ParamError } from '@/lib/url/search-params';

/** Invalid URL params, each named, with the fallback the page used instead. */
export function ParamErrors({ errors }: { errors: readonly ParamError[] }) {
  if (errors.length === 0) return null;
  return (
    <section className="errors" role="alert" data-testid="param-errors">
      <strong>Some settings in this link were not understood; defaults are used for them:</strong>
      <ul>
        {errors.slice(0, 10).map((e, i) => (
          <li key={`${e.param}-${i}`}>
            <code>{e.param}</code>: {e.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
