// A TCP proxy on 127.0.0.1 to a server (PostgreSQL, in the tests), so a test can make the server
// "go away" without stopping it: cut() resets every connection and refuses new ones; restore()
// listens again on the same port.
import { connect, createServer, type Server, type Socket } from 'node:net';

/** A TCP proxy to the database on 127.0.0.1 that a test can cut (connections reset, new ones refused) and restore. */
export async function tcpProxy(target: URL) {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((client) => {
        const upstream = connect(Number(target.port || 5432), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as { port: number }).port;
        server = s;
        resolve();
      });
    });
  const cut = async () => {
    const s = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };
  await listen();
  return { port, cut, restore: listen, close: cut };
}
