import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InformalSession, InformalSessionChange, Theme } from '@gfmd/contracts';
import {
  badRequest,
  domainRule,
  inTransaction,
  notFound,
  ProblemException,
  msg,
  mergeTranslations,
} from '@gfmd/api-platform';
import { DataSource } from 'typeorm';
import { assertThemes, toSession, toTheme } from './dialogue.mapper';
import { DialoguesRepository } from './dialogues.repository';
import { ACTIVE_STATUSES } from './dialogues.service';
import { CreateInformalSessionDto, UpdateInformalSessionDto } from './informal-session.dto';
import { leadTimeDays, schedulingWarnings } from './lead-time.util';
import { GCM_PROCESS_SLUG, ProcessesRepository } from './processes.repository';

/** Themes and informal sessions: lists, and creating or moving a session (with the dialogues a move concerns). */
@Injectable()
export class InformalSessionsService {
  constructor(
    private readonly repo: DialoguesRepository,
    private readonly processes: ProcessesRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async listThemes(processId?: string): Promise<Theme[]> {
    return (await this.repo.listThemes(processId)).map(toTheme);
  }

  async listSessions(processId?: string): Promise<InformalSession[]> {
    return (await this.repo.listSessions(processId)).map(toSession);
  }

  /**
   * A new informal session in a process: the one in the path, else `processId` of the body, else
   * the GCM 2017–2018 process (the route's meaning before processes existed).
   */
  async createSession(dto: CreateInformalSessionDto, pathProcessId?: string): Promise<InformalSession> {
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    assertOrder(startsAt, endsAt);
    return inTransaction(this.dataSource, async () => {
      const processId = await this.processIdFor(pathProcessId, dto.processId);
      await assertThemes(this.repo, [dto.themeId], 'themeId');
      if (await this.repo.findSessionByNumber(processId, dto.number)) throw duplicateSession(dto.number);
      const saved = await this.repo
        .saveSession({ ...dto, processId, startsAt, endsAt, translations: mergeTranslations({}, dto.translations) })
        .catch(onDuplicate(dto.number));
      return toSession(saved);
    });
  }

  /**
   * Changes a session; nothing else moves. When its dates change, the answer lists the
   * dialogues ahead of it (not cancelled or concluded) with their lead time and warnings as they
   * are now, so the organizer can choose per dialogue to keep it or shift it.
   */
  async updateSession(id: string, dto: UpdateInformalSessionDto): Promise<InformalSessionChange> {
    return inTransaction(this.dataSource, async () => {
      const session = await this.repo.lockSession(id);
      if (!session) throw notFound('Informal session');
      const next = {
        ...session,
        ...dto,
        startsAt: dto.startsAt ? new Date(dto.startsAt) : session.startsAt,
        endsAt: dto.endsAt ? new Date(dto.endsAt) : session.endsAt,
        translations: mergeTranslations(session.translations, dto.translations),
      };
      assertOrder(next.startsAt, next.endsAt);
      if (dto.processId && dto.processId !== session.processId) await this.processIdFor(undefined, dto.processId);
      if (dto.themeId) await assertThemes(this.repo, [dto.themeId], 'themeId');
      if (next.number !== session.number || next.processId !== session.processId) {
        const other = await this.repo.findSessionByNumber(next.processId, next.number);
        if (other && other.id !== session.id) throw duplicateSession(next.number);
      }
      const saved = await this.repo.saveSession(next).catch(onDuplicate(next.number));
      const moved =
        saved.startsAt.getTime() !== session.startsAt.getTime() || saved.endsAt.getTime() !== session.endsAt.getTime();
      const dialogues = moved ? await this.repo.dialoguesOfSessions([saved.id], ACTIVE_STATUSES) : [];
      return {
        ...toSession(saved),
        affectedDialogues: dialogues.map((d) => ({
          id: d.id,
          title: d.title,
          status: d.status,
          startsAt: d.startsAt.toISOString(),
          endsAt: d.endsAt.toISOString(),
          timeZone: d.timeZone,
          leadTimeDays: leadTimeDays(d, saved),
          schedulingWarnings: schedulingWarnings(d, saved),
        })),
      };
    });
  }

  private async processIdFor(pathProcessId: string | undefined, bodyProcessId: string | undefined): Promise<string> {
    if (pathProcessId) {
      if (!(await this.processes.find(pathProcessId))) throw notFound('Process');
      return pathProcessId;
    }
    if (bodyProcessId) {
      if (!(await this.processes.find(bodyProcessId))) {
        throw domainRule('unknown-process', msg('dialogues.unknownProcess'), [
          { field: 'processId', message: msg('dialogues.unknownProcess.field') },
        ]);
      }
      return bodyProcessId;
    }
    const gcm = await this.processes.findBySlug(GCM_PROCESS_SLUG);
    if (!gcm) throw domainRule('unknown-process', msg('dialogues.noDefaultProcess'));
    return gcm.id;
  }
}

const duplicateSession = (number: number) =>
  new ProblemException(409, 'duplicate-session', msg('dialogues.duplicateSession', { number }), [
    { field: 'number', message: msg('dialogues.duplicateSession.field') },
  ]);

/** A unique violation lost to a concurrent request answers as the check would have. */
const onDuplicate =
  (number: number) =>
  (error: { code?: string }): never => {
    if (error.code === '23505') throw duplicateSession(number);
    throw error;
  };

function assertOrder(startsAt: Date, endsAt: Date) {
  if (endsAt.getTime() <= startsAt.getTime()) {
    throw badRequest(msg('platform.endsBeforeStart'), [
      { field: 'endsAt', message: msg('platform.endsBeforeStart.field') },
    ]);
  }
}
