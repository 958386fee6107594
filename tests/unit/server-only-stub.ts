// vitest runs lib/server/services.ts outside React Server Components; the real `server-only` would throw.
export {};
