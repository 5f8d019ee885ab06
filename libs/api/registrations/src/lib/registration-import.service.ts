import { Injectable } from '@nestjs/common';
import type { ImportRegistrationsReport, ImportRowOutcome } from '@gfmd/contracts';
import type { AuthUser } from '@gfmd/api-auth';
import {
  constraintMessage,
  currentLanguages,
  msg,
  normalizeEmail,
  PROBLEM_LANGUAGES,
  ProblemException,
  t,
  type ProblemLanguage,
} from '@gfmd/api-platform';
import { SpacesService } from '@gfmd/api-spaces';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { StaffCreateRegistrationDto } from './registration.dto';
import { RegistrationAdmission, type RegistrationRequest } from './registration-admission.service';
import { importRows } from './registration-import.util';
import { StaffAccess } from './staff-access.service';

/** The refused fields of a row and their constraints, in the request's language. */
function describe(errors: ValidationError[]): { fields: string[]; detail: string } {
  const text = currentLanguages().text;
  const language: ProblemLanguage = (PROBLEM_LANGUAGES as readonly string[]).includes(text)
    ? (text as ProblemLanguage)
    : 'en';
  const words = (code: string, english: string) =>
    language === 'en' ? english : constraintMessage(language, code, english);
  const fields = errors.map((e) => e.property);
  const detail = errors
    .map(
      (e) =>
        `${e.property}: ${Object.entries(e.constraints ?? { invalid: 'is not valid' })
          .map(([code, english]) => words(code, english))
          .join('; ')}`,
    )
    .join(' · ');
  return { fields, detail };
}

/**
 * Registrations imported by an organizer from CSV, with a preview. Each row is checked like the
 * staff form's body (same DTO), matched against the file's other rows and the dialogue's spaces,
 * then all the good rows go through the admission in file order (one transaction, the dialogue
 * lock): a preview runs the same admission and rolls it back, so an import right after its
 * preview answers the same report.
 */
@Injectable()
export class RegistrationImport {
  constructor(
    private readonly admission: RegistrationAdmission,
    private readonly access: StaffAccess,
    private readonly spaces: SpacesService,
  ) {}

  async import(dialogueId: string, csv: string, user: AuthUser, dryRun: boolean): Promise<ImportRegistrationsReport> {
    await this.access.scope(dialogueId, user); // 404 for an unknown dialogue
    const file = importRows(csv);
    if ('error' in file)
      throw new ProblemException(400, 'invalid-csv', msg('registrations.import.invalidCsv'), file.error);

    const spaces = await this.spaces.list(dialogueId, user);
    const spaceByKey = new Map<string, string>();
    for (const s of spaces) {
      spaceByKey.set(s.id.toLowerCase(), s.id);
      spaceByKey.set(s.name.trim().toLowerCase(), s.id);
    }

    const report: ImportRowOutcome[] = [];
    const admitted: { outcome: ImportRowOutcome; dto: RegistrationRequest }[] = [];
    const seen = new Map<string, number>();
    for (const { line, values, extraCells } of file.ok) {
      const name = [values.firstName, values.lastName].filter(Boolean).join(' ') || null;
      const outcome: ImportRowOutcome = { row: line, email: values.email ?? null, name, outcome: 'refused' };
      report.push(outcome);
      const refuse = (reason: string, detail: string) => Object.assign(outcome, { reason, detail });
      if (extraCells) {
        refuse('invalid-input', t(msg('registrations.import.extraCells')));
        continue;
      }
      const names = (values.spaces ?? '')
        .split(/[;|]/)
        .map((x) => x.trim())
        .filter(Boolean);
      const unknown = names.filter((n) => !spaceByKey.has(n.toLowerCase()));
      const raw: Record<string, unknown> = {
        email: values.email,
        firstName: values.firstName,
        lastName: values.lastName,
        organization: values.organization,
        stakeholderGroup: values.stakeholderGroup,
        country: values.country,
        preferredLanguage: values.preferredLanguage?.toLowerCase(),
        ...(values.title ? { title: values.title } : {}),
        ...(values.jobTitle ? { jobTitle: values.jobTitle } : {}),
        ...(values.attendance ? { attendance: values.attendance.toLowerCase().replace(/[\s-]/g, '_') } : {}),
        spaceIds: [...new Set(names.map((n) => spaceByKey.get(n.toLowerCase())).filter((x): x is string => !!x))],
      };
      const dto = plainToInstance(StaffCreateRegistrationDto, raw);
      const problems = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
      if (problems.length) {
        refuse('invalid-input', describe(problems).detail);
        continue;
      }
      if (unknown.length) {
        refuse(
          'unknown-space',
          t(msg('registrations.import.unknownSpace', { names: unknown.map((n) => `"${n}"`).join(', ') })),
        );
        continue;
      }
      const email = normalizeEmail(dto.email);
      const first = seen.get(email);
      if (first !== undefined) {
        refuse('duplicate-in-file', t(msg('registrations.import.duplicate', { line: first })));
        continue;
      }
      seen.set(email, line);
      admitted.push({ outcome, dto });
    }

    const outcomes = await this.admission.admitManyByStaff(
      dialogueId,
      admitted.map((a) => a.dto),
      user.id,
      dryRun,
    );
    outcomes.forEach((o, i) => {
      const row = admitted[i].outcome;
      if ('ok' in o) {
        row.outcome = o.ok.status === 'confirmed' ? 'confirmed' : 'waitlisted';
        if (!dryRun) row.id = o.ok.id;
        if (o.ok.waitlistPosition) row.waitlistPosition = o.ok.waitlistPosition;
      } else if (o.error instanceof ProblemException) {
        row.reason = o.error.slug;
        row.detail = t(o.error.messages.detail);
      } else {
        throw o.error;
      }
    });
    const count = (k: ImportRowOutcome['outcome']) => report.filter((r) => r.outcome === k).length;
    return {
      dryRun,
      total: report.length,
      confirmed: count('confirmed'),
      waitlisted: count('waitlisted'),
      refused: count('refused'),
      rows: report,
    };
  }
}
