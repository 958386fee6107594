// Starts the bitcoind and monerod stand-ins and keeps them up until killed (a Playwright webServer).
//   npx tsx tests/support/chain-standins-cli.ts
// Ports from BITCOIN_STANDIN_PORT (4020), MONERO_STANDIN_PORT (4021) and DASH_STANDIN_PORT (4022, a
// bitcoind whose getblocktemplate lists Dash's masternode and superblock payees) and
// OPEN_BITCOIN_STANDIN_PORT (4023, a bitcoind asking no credentials); the other bitcoind stand-ins'
// RPC user:password from BITCOIN_STANDIN_AUTH (minerank:standin). GET / answers 200 on both.
import { startBitcoinNodeStandin, startMoneroDaemonStandin, type Standin } from './chain-standins';

function portFromEnv(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`${name} must be 0-65535, got "${value}"`);
  return port;
}

async function main(): Promise<void> {
  const auth = process.env.BITCOIN_STANDIN_AUTH || 'minerank:standin';
  const started: Standin[] = [];
  const stop = () => {
    Promise.all(started.map((standin) => standin.close())).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  const bitcoin = await startBitcoinNodeStandin({ port: portFromEnv('BITCOIN_STANDIN_PORT', 4020), auth });
  started.push(bitcoin);
  const monero = await startMoneroDaemonStandin({ port: portFromEnv('MONERO_STANDIN_PORT', 4021) });
  started.push(monero);
  // A Dash-style node: its template lists masternode and superblock payees the coinbase must pay.
  const dash = await startBitcoinNodeStandin({ port: portFromEnv('DASH_STANDIN_PORT', 4022), auth, flavour: 'dashd' });
  started.push(dash);
  // A node that asks for no credentials: what a coin added on the page (never given any) can use.
  const open = await startBitcoinNodeStandin({ port: portFromEnv('OPEN_BITCOIN_STANDIN_PORT', 4023) });
  started.push(open);
  console.log(`chain stand-ins ready: bitcoind ${bitcoin.url} (RPC auth from BITCOIN_STANDIN_AUTH), monerod ${monero.url}, dashd ${dash.url}, bitcoind without auth ${open.url}`);
  console.log('# the app reaches them only with ALLOW_PRIVATE_SOURCES=1; put the RPC user:password in the variable the source\'s authEnv names');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
