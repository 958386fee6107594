// Exists for the benchmark (scripts/bench.ts): the framework's floor for a prerendered static page.
export const dynamic = 'force-static';

export default function BenchStaticPage() {
  return <p>static</p>;
}
