import { Injectable, type LoggerService } from '@nestjs/common';
import type { Logger as Pino } from 'pino';

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/**
 * Nest's LoggerService on pino, so that `new Logger(Context).warn({ err, count }, 'message')`
 * anywhere in the code writes one structured line: `{ context, err, count, msg }`. Nest passes
 * the logger's context as the last argument; an object first argument is merged into the line.
 */
@Injectable()
export class PinoNestLogger implements LoggerService {
  constructor(readonly pino: Pino) {}

  verbose(message: unknown, ...optional: unknown[]) {
    this.write('trace', message, optional);
  }
  debug(message: unknown, ...optional: unknown[]) {
    this.write('debug', message, optional);
  }
  log(message: unknown, ...optional: unknown[]) {
    this.write('info', message, optional);
  }
  warn(message: unknown, ...optional: unknown[]) {
    this.write('warn', message, optional);
  }
  error(message: unknown, ...optional: unknown[]) {
    this.write('error', message, optional);
  }
  fatal(message: unknown, ...optional: unknown[]) {
    this.write('fatal', message, optional);
  }

  private write(level: Level, message: unknown, optional: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const line: Record<string, unknown> = {};
    let rest = optional;
    if (optional.length) {
      line['context'] = optional[optional.length - 1];
      rest = optional.slice(0, -1);
    }
    if (message instanceof Error) {
      line['err'] = message;
      this.pino[level](line, ...(rest as []));
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(line, message);
      this.pino[level](line, ...(rest as []));
    } else if (level === 'error' && rest.length === 1 && typeof rest[0] === 'string' && /\n\s*at /.test(rest[0])) {
      // Nest's own exception handlers call error(message, stack).
      const err = new Error(String(message));
      err.stack = rest[0];
      line['err'] = err;
      this.pino[level](line);
    } else {
      this.pino[level](line, String(message), ...(rest as []));
    }
  }
}
