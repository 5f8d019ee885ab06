// Terminal output of the dev launcher: coloured [name] prefixes, pino JSON lines made readable,
// and the last lines of each process kept for error reports.
import readline from 'node:readline';

const useColor = process.env.FORCE_COLOR
  ? process.env.FORCE_COLOR !== '0'
  : process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code) => (text) => (useColor ? `\x1b[${code}m${text}\x1b[0m` : text);
export const c = {
  dim: paint(2),
  bold: paint(1),
  red: paint(31),
  green: paint(32),
  yellow: paint(33),
  blue: paint(34),
  magenta: paint(35),
  cyan: paint(36),
};
const TAG_COLORS = { gfmd: c.bold, api: c.cyan, worker: c.magenta, mail: c.green, postgres: c.blue, redis: c.red };
const TAG_WIDTH = 9;

export function tag(name) {
  return (TAG_COLORS[name] ?? ((s) => s))(`[${name}]`.padEnd(TAG_WIDTH + 2));
}
export function say(message) {
  for (const line of String(message).split('\n')) console.log(`${tag('gfmd')}${line}`);
}
export function warn(message) {
  for (const line of String(message).split('\n')) console.error(`${tag('gfmd')}${c.yellow(line)}`);
}
export function sayError(message) {
  for (const line of String(message).split('\n')) console.error(`${tag('gfmd')}${c.red(line)}`);
}

/** Keeps the last `size` lines of a process's output, for error reports. */
export function ring(size) {
  const lines = [];
  return {
    push(line) {
      lines.push(line);
      if (lines.length > size) lines.shift();
    },
    lines: () => [...lines],
  };
}

const LEVELS = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/**
 * Turns a pino JSON line into "LEVEL [context] message …" (request headers are dropped, so tokens
 * and cookies never reach the terminal). Anything else is returned unchanged.
 */
export function prettyLogLine(line) {
  if (!line.startsWith('{')) return line;
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    return line;
  }
  if (typeof entry?.level !== 'number') return line;
  const { level, msg, context, req, res, responseTime, err } = entry;
  const rest = { ...entry };
  for (const key of ['level', 'time', 'pid', 'hostname', 'msg', 'context', 'req', 'res', 'responseTime', 'err']) {
    delete rest[key];
  }
  const label = LEVELS[level] ?? String(level);
  const colorLevel = level >= 50 ? c.red : level >= 40 ? c.yellow : level <= 20 ? c.dim : (s) => s;
  const parts = [colorLevel(label.padEnd(5))];
  if (context) parts.push(c.dim(`[${context}]`));
  if (msg) parts.push(msg);
  if (req?.method) parts.push(`${req.method} ${req.url ?? ''}${res?.statusCode ? ` → ${res.statusCode}` : ''}`);
  if (responseTime !== undefined) parts.push(c.dim(`${responseTime}ms`));
  if (Object.keys(rest).length) parts.push(c.dim(JSON.stringify(rest)));
  let text = parts.join(' ');
  if (err) text += `\n${err.stack ?? err.message ?? JSON.stringify(err)}`;
  return text;
}

/** Prints every line of `stream` with a [name] prefix (pino lines shortened when `pretty`) and remembers the last ones. */
export function pipeOutput(stream, name, { history, pretty = false, quiet = false }) {
  readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (raw) => {
    const text = pretty ? prettyLogLine(raw) : raw;
    for (const line of text.split('\n')) {
      history.push(line);
      if (!quiet) console.log(`${tag(name)}${line}`);
    }
  });
}

export function printHistory(name, history, count = 25) {
  const lines = history.lines().slice(-count);
  if (!lines.length) return;
  console.error(c.dim(`---- last output of ${name} ----`));
  for (const line of lines) console.error(`${tag(name)}${line}`);
  console.error(c.dim(`---- end of ${name} output ----`));
}
