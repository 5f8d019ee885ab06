import { JobName } from '../queue/queue.constants';
import { indexHandlers, JobHandler } from './job-handler';
import { classifySmtpError } from './smtp-mailer';

const handler = (jobName: JobName): JobHandler => ({ jobName, handle: async () => undefined });

describe('indexHandlers', () => {
  it('indexes one handler per job name', () => {
    const sut = indexHandlers(Object.values(JobName).map(handler));
    expect([...sut.keys()].sort()).toEqual(Object.values(JobName).sort());
  });

  it('refuses to start when a job name has no handler', () => {
    expect(() => indexHandlers([handler(JobName.SendEmail)])).toThrow(/job "sweep-outbox" has no handler/);
  });

  it('refuses to start when a job name has two handlers', () => {
    expect(() => indexHandlers([...Object.values(JobName).map(handler), handler(JobName.SendEmail)])).toThrow(
      /two handlers/,
    );
  });
});

describe(classifySmtpError.name, () => {
  it.each([
    [{ responseCode: 421, response: '421 try later' }, false],
    [{ responseCode: 450, response: '450 mailbox busy' }, false],
    [{ code: 'ECONNECTION', message: 'connect ECONNREFUSED' }, false],
    [{ code: 'ETIMEDOUT', message: 'timeout' }, false],
    [{ responseCode: 535, response: '535 auth failed' }, false],
    [{ responseCode: 550, response: '550 unknown user' }, true],
    [{ responseCode: 554, response: '554 rejected' }, true],
    [{ code: 'EENVELOPE', message: 'No recipients defined' }, true],
    [{ code: 'ESMTPUTF8', message: 'the relay does not offer SMTPUTF8' }, true],
  ])('%j → permanent %s', (error, permanent) => {
    expect(classifySmtpError(error).permanent).toBe(permanent);
  });

  it('keeps the reply, on one line', () => {
    expect(classifySmtpError({ responseCode: 550, response: '550 5.1.1 unknown\r\nuser' }).message).toBe(
      '550 5.1.1 unknown user',
    );
  });
});
