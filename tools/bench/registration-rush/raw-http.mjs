// A load generator's HTTP/1.1 client, as lean as wrk's: one keep-alive socket per client, each
// request written in one piece, the answer read by its Content-Length. The rush's clients run on
// the same two cores as the API and PostgreSQL, so what the client spends is taken from them:
// undici's pool cost about 60–90 µs of CPU per request on this machine, this one about a quarter
// of it (docs/performance.md, "Registration rush"). Enough for the routes a bench calls (answers
// with a Content-Length); anything else is an error, never a guess.
import { connect } from 'node:net';

const HEADER_END = Buffer.from('\r\n\r\n');

export class RawHttpPool {
  /** @param {string} origin http://host:port  @param {{ connections: number }} options */
  constructor(origin, { connections }) {
    const url = new URL(origin);
    this.host = url.hostname;
    this.port = Number(url.port);
    this.size = connections;
    /** @type {RawConnection[]} */
    this.idle = [];
    this.count = 0;
    /** @type {((c: RawConnection) => void)[]} */
    this.waiting = [];
  }

  /** One request: resolves { statusCode, body } (body: Buffer), rejects on a network error. */
  async request({ path, method, headers = {}, body = '' }) {
    const connection = await this.take();
    try {
      const payload = Buffer.from(body);
      let head = `${method} ${path} HTTP/1.1\r\nhost: ${this.host}:${this.port}\r\ncontent-length: ${payload.length}\r\n`;
      for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
      const answer = await connection.send(Buffer.concat([Buffer.from(`${head}\r\n`), payload]));
      this.give(connection);
      return answer;
    } catch (error) {
      connection.destroy();
      this.count--;
      throw error;
    }
  }

  async close() {
    for (const c of this.idle) c.destroy();
    this.idle = [];
  }

  take() {
    const c = this.idle.pop();
    if (c) return Promise.resolve(c);
    if (this.count < this.size) {
      this.count++;
      return RawConnection.open(this.host, this.port).catch((error) => {
        this.count--;
        throw error;
      });
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  give(c) {
    const next = this.waiting.shift();
    if (next) next(c);
    else this.idle.push(c);
  }
}

class RawConnection {
  static open(host, port) {
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port, noDelay: true });
      socket.once('connect', () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  constructor(socket) {
    this.socket = socket;
    this.chunks = [];
    this.pending = undefined;
    socket.on('data', (chunk) => this.onData(chunk));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('connection closed')));
  }

  send(bytes) {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.chunks = [];
      this.socket.write(bytes);
    });
  }

  onData(chunk) {
    if (!this.pending) return;
    this.chunks.push(chunk);
    const data = this.chunks.length === 1 ? chunk : Buffer.concat(this.chunks);
    this.chunks = [data];
    const end = data.indexOf(HEADER_END);
    if (end < 0) return;
    const head = data.toString('latin1', 0, end);
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (!length) return this.fail(new Error(`an answer without Content-Length: ${head.split('\r\n')[0]}`));
    const total = end + 4 + Number(length[1]);
    if (data.length < total) return;
    const { resolve } = this.pending;
    this.pending = undefined;
    this.chunks = [];
    resolve({ statusCode: Number(head.slice(9, 12)), body: data.subarray(end + 4, total) });
  }

  fail(error) {
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(error);
  }

  destroy() {
    this.socket.destroy();
  }
}
