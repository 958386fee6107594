// Stands in for the `use-sync-external-store/shim` package in the browser bundle (next.config.ts,
// turbopack.resolveAlias). SWR imports the shim so that it runs on React 17; on React 18 and later
// the shim hands back React's own hook, but its fallback code still shipped in the first load of `/`.
export { useSyncExternalStore } from 'react';
