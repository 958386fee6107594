// vitest runs lib/data.ts outside React Server Components; the real `server-only` would throw.
export {};
