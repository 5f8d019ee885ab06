// Small TCP port helpers shared by the dev launcher and the mail catcher.
import net from 'node:net';

/**
 * Resolves true when `port` can be bound on `host` right now.
 * `host` undefined means every interface (what `app.listen(port)` does).
 */
export function isPortFree(port, host) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * The first free port among preferred, preferred+1, … (up to `attempts` tries),
 * else any free port the OS hands out. preferred = 0 means "any port".
 * There is a small window between this check and the real bind; fine for a dev tool.
 */
export async function findFreePort(preferred, { host = '127.0.0.1', attempts = 20 } = {}) {
  if (preferred) {
    for (let port = preferred; port < preferred + attempts && port <= 65535; port++) {
      if (await isPortFree(port, host)) return port;
    }
  }
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Listen `server` (net.Server or http.Server) on the preferred port, moving on to the
 * next ones when taken, then to any free port. Binding directly avoids the check/bind race.
 * Resolves the port actually bound.
 */
export async function listenOnFreePort(server, preferred, { host = '127.0.0.1', attempts = 20 } = {}) {
  const candidates = [];
  if (preferred) for (let p = preferred; p < preferred + attempts && p <= 65535; p++) candidates.push(p);
  candidates.push(0);
  let lastError;
  for (const port of candidates) {
    try {
      await new Promise((resolve, reject) => {
        const onError = (err) => {
          server.off('listening', onListening);
          reject(err);
        };
        const onListening = () => {
          server.off('error', onError);
          resolve();
        };
        server.once('error', onError);
        server.once('listening', onListening);
        server.listen({ port, host, exclusive: true });
      });
      return server.address().port;
    } catch (err) {
      lastError = err;
      if (err.code !== 'EADDRINUSE' && err.code !== 'EACCES') throw err;
    }
  }
  throw lastError;
}
