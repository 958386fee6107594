'use client';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="errors" role="alert">
      <h1>Something went wrong</h1>
      <p>The page could not be rendered{error.digest ? ` (reference ${error.digest})` : ''}. The data is safe; try again.</p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
