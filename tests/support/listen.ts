import type { Server } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';

/** Listens on 127.0.0.1 only (port 0: any free one) and resolves to the port it got. */
export async function listenOnLoopback(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

/** A port on 127.0.0.1 that was free a moment ago (for a server to start on, or a dead port to fail against). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
