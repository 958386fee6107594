// The kinds of chain protection each coin has (lib/health/protections.ts cites each one): all the
// ranking needs to score security, in the browser too, without carrying the citations there.
// A unit test holds this table to CHAIN_PROTECTIONS.
import type { ProtectionKind } from './parts';

export const CHAIN_PROTECTION_KINDS: Readonly<Record<string, readonly ProtectionKind[]>> = {
  DASH: ['chainlocks'],
  RTM: ['chainlocks'],
  FIRO: ['chainlocks'],
  KMD: ['dpow'],
};

export function protectionKindsOf(tag: string): readonly ProtectionKind[] {
  return CHAIN_PROTECTION_KINDS[tag.toUpperCase()] ?? [];
}
