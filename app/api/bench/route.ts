// Exists for the benchmark (scripts/bench.ts): the framework's floor for a dynamic JSON route.
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ ok: true, now: Date.now() });
}
