import { Logger } from '@nestjs/common';
import pino from 'pino';
import { Writable } from 'node:stream';
import { redactUrl, requestLogLevel, requestLogLine } from './logging';
import { PinoNestLogger } from './pino-nest-logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { lines, sut: new PinoNestLogger(pino({ level: 'debug' }, stream)) };
}

describe(PinoNestLogger.name, () => {
  it('writes Nest logger calls as one structured line with the context', () => {
    const { lines, sut } = capture();
    const logger = new Logger('OutboxService');
    Logger.overrideLogger(sut);
    logger.warn({ count: 3, err: 'Redis down' }, 'enqueue failed');
    logger.log('started');
    logger.error(new Error('boom'));
    logger.verbose('too fine'); // trace: below the level
    Logger.overrideLogger(false);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ level: 40, context: 'OutboxService', count: 3, err: 'Redis down', msg: 'enqueue failed' });
    expect(lines[1]).toMatchObject({ level: 30, context: 'OutboxService', msg: 'started' });
    expect(lines[2]).toMatchObject({ level: 50, context: 'OutboxService', err: { message: 'boom' } });
  });

  it('turns Nest’s error(message, stack) into an error with that stack', () => {
    const { lines, sut } = capture();
    sut.error('Unhandled', 'Error: Unhandled\n    at somewhere (file.js:1:1)', 'ExceptionsHandler');
    expect(lines[0]).toMatchObject({ context: 'ExceptionsHandler', err: { message: 'Unhandled', stack: expect.stringContaining('at somewhere') } });
  });
});

describe('request log line', () => {
  it('holds method, redacted path, status and time, never a token', () => {
    const line = requestLogLine('r1', 'GET', '/api/v1/registrations/manage/SECRETTOKEN123456789012/agenda.ics?email=a@b.cd', 200, 3.4);
    expect(line).toEqual({
      reqId: 'r1',
      req: { method: 'GET', url: '/api/v1/registrations/manage/[token]/agenda.ics?email=[redacted]' },
      res: { statusCode: 200 },
      responseTime: 3,
    });
    expect(JSON.stringify(line)).not.toContain('SECRET');
    expect(redactUrl('/api/v1/invitations/decline/abcdefabcdefabcdefabcdef')).toBe('/api/v1/invitations/decline/[token]');
    expect(redactUrl('/api/v1/invitations/by-token/abcdefabcdefabcdefabcdef')).toBe('/api/v1/invitations/by-token/[token]');
    expect(redactUrl('/dialogues/1/register?invitation=tok&x=1')).toBe('/dialogues/1/register?invitation=[redacted]&x=1');
  });

  it('is an error for 5xx, a warning for 4xx, info otherwise', () => {
    expect([200, 302, 404, 429, 500, 503].map((s) => requestLogLevel(s, false))).toEqual(['info', 'info', 'warn', 'warn', 'error', 'error']);
    expect(requestLogLevel(200, true)).toBe('error');
  });
});
