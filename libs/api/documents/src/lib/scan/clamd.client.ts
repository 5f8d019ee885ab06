import { connect } from 'node:net';
import { createReadStream } from 'node:fs';

export type ScanResult = { clean: true } | { clean: false; signature: string };

/** The scanner could not answer (down, timed out, said something else): the upload is refused with 503. */
export class ScannerUnavailableError extends Error {}

/**
 * A minimal clamd client: `zINSTREAM`, the file in chunks each prefixed by its 4-byte big-endian
 * length, a zero-length chunk, then one reply (`stream: OK` or `stream: <name> FOUND`). The file
 * is read from disk in chunks, never whole in memory.
 */
export async function clamdScan(
  target: { host: string; port: number },
  path: string,
  timeoutMs = 60_000,
): Promise<ScanResult> {
  return new Promise<ScanResult>((resolve, reject) => {
    const socket = connect({ host: target.host, port: target.port });
    const chunks: Buffer[] = [];
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      reject(new ScannerUnavailableError(`clamd: ${error.message}`));
    };
    socket.setTimeout(timeoutMs, () => fail(new Error('timed out')));
    socket.on('error', fail);
    socket.on('data', (d) => chunks.push(d));
    socket.on('end', () => {
      if (settled) return;
      const reply = Buffer.concat(chunks).toString('utf8').replace(/\0/g, '').trim();
      const found = /^stream: (.+) FOUND$/.exec(reply);
      if (found) {
        settled = true;
        socket.end();
        return resolve({ clean: false, signature: found[1] });
      }
      if (reply === 'stream: OK') {
        settled = true;
        socket.end();
        return resolve({ clean: true });
      }
      fail(new Error('unexpected reply'));
    });
    socket.on('connect', async () => {
      try {
        socket.write('zINSTREAM\0');
        for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
          const size = Buffer.alloc(4);
          size.writeUInt32BE(chunk.length, 0);
          if (!socket.write(Buffer.concat([size, chunk])))
            await new Promise<void>((r) => socket.once('drain', () => r()));
          if (settled) return;
        }
        socket.write(Buffer.alloc(4)); // the end of the stream
      } catch (error) {
        fail(error as Error);
      }
    });
  });
}
