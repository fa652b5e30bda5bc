// The one description of how every tier starts a browser and a server on this kind of machine:
// Debian's Chromium, headless-capable flags that keep it offline (TESTING.md), and a free port.
import * as net from 'node:net';

/** The system Chromium everything runs on; `KUBE_TOPOLOGY_CHROMIUM` overrides it. */
export const chromiumPath = process.env.KUBE_TOPOLOGY_CHROMIUM || '/usr/bin/chromium';

/** Flags for Chromium in a container: no sandbox (root in CI), no GPU, nothing that phones home. */
export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** A TCP port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
