// Exists for the benchmark (scripts/bench.ts): the framework's floor for a page rendered per request.
import { connection } from 'next/server';

export default async function BenchDynamicPage() {
  await connection();
  return <p>dynamic</p>;
}
