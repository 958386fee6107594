// Known chain protections against a rented hashrate majority, per coin tag, each with the public
// source it was read from. Shown next to the 51 % figures; ChainLocks and dPoW notarisation make
// recent blocks final (lib/health/parts FINALITY_PROTECTIONS), the others are listed only.
// A coin missing here has no protection we could cite, which is not the same as none.
// The ranking (in the browser too) needs only the kinds (protection-kinds.ts): the citations here
// stay on the server, for the coin page.
import type { ProtectionKind } from './parts';

export type Protection = {
  kind: ProtectionKind;
  /** Which fact the link supports (a citation, not UI text). */
  fact: string;
  url: string;
};

export const CHAIN_PROTECTIONS: Readonly<Record<string, readonly Protection[]>> = {
  DASH: [
    {
      kind: 'chainlocks',
      fact: 'DIP-0008: LLMQ-based ChainLocks, blocks signed by a masternode quorum cannot be reorganised',
      url: 'https://github.com/dashpay/dips/blob/d18ac6cccece4998f8eb036713fbd3316671e3a5/dip-0008.md',
    },
  ],
  RTM: [
    {
      kind: 'chainlocks',
      fact: 'Raptoreum Core carries the LLMQ ChainLocks handler (src/llmq/quorums_chainlocks.cpp)',
      url: 'https://github.com/Raptor3um/raptoreum/blob/8d9fed7d490f4b6f74eff13c56750b236d1438b4/src/llmq/quorums_chainlocks.cpp',
    },
  ],
  FIRO: [
    {
      kind: 'chainlocks',
      fact: 'Firo carries the LLMQ ChainLocks handler (src/llmq/quorums_chainlocks.cpp)',
      url: 'https://github.com/firoorg/firo/blob/cf84fc857814862ffdc80d16051e3e0701e40383/src/llmq/quorums_chainlocks.cpp',
    },
  ],
  KMD: [
    {
      kind: 'dpow',
      fact: 'delayed proof of work: notary nodes notarise Komodo blocks (komodo_notaries, notarized height checks)',
      url: 'https://github.com/KomodoPlatform/komodo/blob/4a5220ef2a8db6d4cb88fa3bf59cf92016f39c9f/src/komodo_bitcoind.h',
    },
  ],
};

export function protectionsOf(tag: string): readonly Protection[] {
  return CHAIN_PROTECTIONS[tag.toUpperCase()] ?? [];
}
