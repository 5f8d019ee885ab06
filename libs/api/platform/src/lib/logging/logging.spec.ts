import { Logger } from '@nestjs/common';
import pino, { type LoggerOptions } from 'pino';
import { Writable } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import { errSerializer, logPath, pinoOptions, requestLogLevel, requestLogLine } from './logging';
import { AppConfig } from '../config/app-config';
import { PinoNestLogger } from './pino-nest-logger';

function capture(options: LoggerOptions = { level: 'debug' }) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { lines, sut: new PinoNestLogger(pino(options, stream)) };
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
    expect(lines[0]).toMatchObject({
      level: 40,
      context: 'OutboxService',
      count: 3,
      err: 'Redis down',
      msg: 'enqueue failed',
    });
    expect(lines[1]).toMatchObject({ level: 30, context: 'OutboxService', msg: 'started' });
    expect(lines[2]).toMatchObject({ level: 50, context: 'OutboxService', err: { message: 'boom' } });
  });

  it('turns Nest’s error(message, stack) into an error with that stack', () => {
    const { lines, sut } = capture();
    sut.error('Unhandled', 'Error: Unhandled\n    at somewhere (file.js:1:1)', 'ExceptionsHandler');
    expect(lines[0]).toMatchObject({
      context: 'ExceptionsHandler',
      err: { message: 'Unhandled', stack: expect.stringContaining('at somewhere') },
    });
  });
});

describe('request log line', () => {
  it('holds method, path, status and time, never a token', () => {
    const line = requestLogLine(
      'r1',
      'GET',
      logPath(undefined, '/api/v1/registrations/manage/SECRETTOKEN123456789012/agenda.ics?email=a@b.cd'),
      200,
      3.4,
    );
    expect(line).toEqual({
      reqId: 'r1',
      req: { method: 'GET', url: '/api/v1/registrations/manage/[redacted]/agenda.ics' },
      res: { statusCode: 200 },
      responseTime: 3,
    });
    expect(JSON.stringify(line)).not.toMatch(/secret|a@b/i);
  });

  it('logs the route pattern when a route matched, whatever the path held', () => {
    expect(
      logPath(
        '/api/v1/registrations/manage/:token',
        '/api/v1/registrations/MANAGE/SECRETTOKEN123456789012?email=a@b.cd',
      ),
    ).toBe('/api/v1/registrations/manage/:token');
  });

  it.each([
    ['/api/v1/registrations/MANAGE/SECRETTOKEN123456789012', '/api/v1/registrations/manage/[redacted]'],
    [
      '/api/v1/registrations/%6danage/SECRETTOKEN123456789012/agenda.ics',
      '/api/v1/registrations/manage/[redacted]/agenda.ics',
    ],
    ['/api/v1/nowhere?%65mail=a@b.cd&token=SECRET', '/api/v1/nowhere'],
    ['/api/v1/invitations/DECLINE/short', '/api/v1/invitations/decline/[redacted]'],
    ['/api/v1/invitations/by-token/short', '/api/v1/invitations/by-token/[redacted]'],
    ['/api/v1/x/SECRETTOKEN123456789012abcdef/y', '/api/v1/x/[redacted]/y'],
    ['/api/v1/x/%53ECRET%2fTOKEN', '/api/v1/x/[redacted]'],
    [
      '/api/v1/dialogues/8c7d1f2e-0b1a-4c3d-9e8f-0123456789ab',
      '/api/v1/dialogues/8c7d1f2e-0b1a-4c3d-9e8f-0123456789ab',
    ],
    ['/api/v1/x/%E0%A4%A', '/api/v1/x/[redacted]'],
  ])('makes an unmatched path safe: %s', (url, expected) => {
    expect(logPath(undefined, url)).toBe(expected);
    expect(logPath(undefined, url)).not.toMatch(/secret|a@b/i);
  });

  it('is an error for 5xx, a warning for 4xx, info otherwise', () => {
    expect([200, 302, 404, 429, 500, 503].map((s) => requestLogLevel(s, false))).toEqual([
      'info',
      'info',
      'warn',
      'warn',
      'error',
      'error',
    ]);
    expect(requestLogLevel(200, true)).toBe('error');
  });
});

describe('error serializer', () => {
  it('drops the query, its parameters and the driver detail of a database error, and quoted values in its message', () => {
    const driverError = Object.assign(
      new Error('new row for relation "registrations" violates check constraint "registrations_status_check"'),
      {
        code: '23514',
        detail: 'Failing row contains (1, secret@example.org, SECRETTOKEN).',
        table: 'registrations',
        constraint: 'registrations_status_check',
        routine: 'ExecConstraints',
      },
    );
    const error = new QueryFailedError(
      'INSERT INTO registrations VALUES ($1, $2)',
      ['secret@example.org', 'SECRETTOKEN'],
      driverError,
    );
    const out = errSerializer(error) as Record<string, unknown>;
    expect(JSON.stringify(out)).not.toMatch(/secret|Failing row/i);
    expect(out).toMatchObject({
      type: 'QueryFailedError',
      code: '23514',
      table: 'registrations',
      constraint: 'registrations_status_check',
    });

    const badUuid = new QueryFailedError(
      'SELECT 1',
      ['SECRETTOKEN'],
      Object.assign(new Error('invalid input syntax for type uuid: "SECRETTOKEN"'), {
        code: '22P02',
        routine: 'string_to_uuid',
      }),
    );
    expect(JSON.stringify(errSerializer(badUuid))).not.toContain('SECRETTOKEN');
  });

  it("is the serializer of the app's loggers: a database error logged by Nest's Logger carries no row values", () => {
    const { lines, sut } = capture({ ...pinoOptions(new AppConfig()), level: 'debug' });
    const driverError = Object.assign(new Error('null value in column "last_name" violates not-null constraint'), {
      code: '23502',
      detail: 'Failing row contains (secret@example.org, SECRETTOKEN, null).',
      routine: 'ExecConstraints',
    });
    const logger = new Logger('Problem');
    Logger.overrideLogger(sut);
    logger.error(
      { err: new QueryFailedError('INSERT …', ['secret@example.org'], driverError), status: 500 },
      'unhandled error',
    );
    Logger.overrideLogger(false);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ context: 'Problem', err: { type: 'QueryFailedError', code: '23502' } });
    expect(JSON.stringify(lines[0])).not.toMatch(/secret|Failing row/i);
    expect(errSerializer(new Error('plain'))).toMatchObject({ type: 'Error', message: 'plain' });
  });
});
