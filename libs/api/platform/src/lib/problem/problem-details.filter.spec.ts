import { BadRequestException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ProblemDetailsFilter } from './problem-details.filter';
import { msg } from '../i18n/catalogue';
import { badRequest, conflict, domainRule, ProblemException } from './problem.exception';

describe(ProblemDetailsFilter.name, () => {
  const sut = new ProblemDetailsFilter();

  it('writes domain problems with their slug, detail and field errors', () => {
    const body = sut.toProblem(
      domainRule('registration-closed', 'Registration is closed.', [{ field: 'x', message: 'y' }]),
    );
    expect(body).toEqual({
      type: 'https://gfmd-dialogues.org/problems/registration-closed',
      title: 'Unprocessable Content',
      status: 422,
      detail: 'Registration is closed.',
      errors: [{ field: 'x', message: 'y' }],
    });
  });

  it('keeps extra members of a conflict (e.g. the clashing item)', () => {
    expect(sut.toProblem(conflict('overlap', 'Clash.', { clash: { id: '1' } }))).toMatchObject({
      status: 409,
      clash: { id: '1' },
    });
  });

  it('maps Nest HTTP exceptions', () => {
    expect(sut.toProblem(new NotFoundException())).toMatchObject({ status: 404, title: 'Not Found' });
    expect(sut.toProblem(new NotFoundException('Cannot GET /api/v1/x/SECRET?email=a@b.cd')).detail).toBe(
      'No route matches this path.',
    );
    expect(sut.toProblem(new BadRequestException(['a', 'b']))).toMatchObject({ status: 400, detail: 'a; b' });
  });

  it('maps the HTTP layer errors (body too large, malformed JSON, media type) to 413, 400 and 415', () => {
    expect(sut.toProblem({ statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE', message: 'too large' })).toMatchObject({
      status: 413,
      detail: 'The request body is too large.',
    });
    expect(sut.toProblem({ statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY', message: 'x' })).toMatchObject({
      status: 400,
      detail: 'The request body is not valid JSON.',
    });
    expect(sut.toProblem({ statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', message: 'x' })).toMatchObject({
      status: 415,
      type: expect.stringContaining('unsupported-media-type'),
    });
    expect(sut.toProblem({ statusCode: 400, message: 'Something else' })).toMatchObject({
      status: 400,
      detail: 'Something else',
    });
  });

  it('maps database constraint errors instead of answering 500', () => {
    const unique = Object.assign(new QueryFailedError('INSERT', [], new Error('dup')), { code: '23505' });
    const badUuid = Object.assign(new QueryFailedError('SELECT', [], new Error('uuid')), { code: '22P02' });
    expect(sut.toProblem(unique).status).toBe(409);
    expect(sut.toProblem(badUuid).status).toBe(400);
  });

  it('writes French and Spanish from the catalogues: title, detail by slug, field errors by code', () => {
    const problem = new BadRequestException({
      message: 'The request has invalid or unknown fields.',
      errors: [{ field: 'email', message: 'email must be an email address', code: 'isEmailAddress' }],
    });
    expect(sut.toProblem(problem, 'fr')).toMatchObject({
      title: 'Requête invalide',
      detail: 'Certaines valeurs ne sont pas valides.',
      errors: [{ field: 'email', code: 'isEmailAddress', message: 'Saisissez une adresse e-mail valide.' }],
    });
    expect(sut.toProblem(domainRule('registration-closed', 'Registration is closed.'), 'es')).toMatchObject({
      title: 'Regla no cumplida',
      detail: 'La inscripción está cerrada.',
    });
    expect(sut.toProblem(new Error('boom'), 'fr')).toMatchObject({ status: 500, title: 'Erreur interne du serveur' });
  });

  it('writes catalogue messages with their parameters, and a constraint in the words of its property when the catalogue has them', () => {
    const problem = badRequest(msg('platform.endsBeforeStart'), [
      { field: 'endsAt', message: msg('platform.endsBeforeStart.field') },
    ]);
    expect(sut.toProblem(problem)).toMatchObject({
      detail: 'endsAt must be after startsAt.',
      errors: [{ field: 'endsAt', message: 'endsAt must be after startsAt' }],
    });
    expect(sut.toProblem(problem, 'es').errors).toEqual([
      { field: 'endsAt', message: 'el fin debe ser posterior al inicio' },
    ]);
    const validation = new ProblemException(400, 'invalid-input', msg('platform.invalidFields'), [
      { field: 'sections.0.references.1', code: 'matches', message: 'each reference must look like X' },
      { field: 'consent', code: 'equals', message: 'consent must be true' },
      { field: 'name', code: 'matches', message: 'name is wrong' },
    ]);
    expect(sut.toProblem(validation, 'fr').errors?.map((e) => e.message)).toEqual([
      'Chaque référence doit avoir la forme GFMD-GCM-T3-D12-R04.',
      'Vous devez donner votre consentement.',
      "Le format de cette valeur n'est pas correct.",
    ]);
    expect(sut.toProblem(validation).errors?.[1].message).toBe('consent must be true');
  });

  it('hides the details of unknown errors', () => {
    const body = sut.toProblem(new Error('password=hunter2 at db.internal'));
    expect(body.status).toBe(500);
    expect(JSON.stringify(body)).not.toContain('hunter2');
  });
});
