import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';

/** The EICAR test string: every virus scanner reports it; harmless. */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

/**
 * A tiny clamd on loopback that speaks INSTREAM (`zINSTREAM\0`, length-prefixed chunks, a zero
 * chunk) and reports the EICAR string as found. It counts the bytes it was sent.
 */
export async function startFakeClamd(): Promise<{
  host: string;
  port: number;
  scanned: number[];
  close(): Promise<void>;
}> {
  const scanned: number[] = [];
  const server: Server = createServer((socket) => {
    let buffer = Buffer.alloc(0);
    let commandRead = false;
    const data: Buffer[] = [];
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!commandRead) {
        const nul = buffer.indexOf(0);
        if (nul < 0) return;
        if (buffer.subarray(0, nul).toString() !== 'zINSTREAM') return void socket.end('UNKNOWN COMMAND\0');
        commandRead = true;
        buffer = buffer.subarray(nul + 1);
      }
      while (buffer.length >= 4) {
        const size = buffer.readUInt32BE(0);
        if (size === 0) {
          const all = Buffer.concat(data);
          scanned.push(all.length);
          socket.end(all.includes(Buffer.from(EICAR)) ? 'stream: Eicar-Test-Signature FOUND\0' : 'stream: OK\0');
          return;
        }
        if (buffer.length < 4 + size) return;
        data.push(buffer.subarray(4, 4 + size));
        buffer = buffer.subarray(4 + size);
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    scanned,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
