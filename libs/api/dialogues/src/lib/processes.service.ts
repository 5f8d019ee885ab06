import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Milestone, Phase, Process, ProcessTimeline, Theme } from '@gfmd/contracts';
import {
  badRequest,
  domainRule,
  inTransaction,
  notFound,
  ProblemException,
  msg,
  msgPlural,
  type FieldErrorInput,
  contentView,
  mergeTranslations,
} from '@gfmd/api-platform';
import { DataSource } from 'typeorm';
import { DialoguesRepository } from './dialogues.repository';
import { toSession, toTheme, toTimelineDialogue } from './dialogue.mapper';
import { PUBLIC_STATUSES, Viewer } from './dialogues.service';
import {
  CreateMilestoneDto,
  CreatePhaseDto,
  CreateProcessDto,
  CreateThemeDto,
  UpdateMilestoneDto,
  UpdatePhaseDto,
  UpdateProcessDto,
  UpdateThemeDto,
  processCodeFromSlug,
} from './process.dto';
import { MilestoneRecord, PhaseRecord, ProcessesRepository, ProcessRecord } from './processes.repository';
import { TimelineExtensions } from './timeline-extensions';

/** The translatable fields (docs/i18n.md): source language English. */
const TITLE = ['title'] as const;
const TITLE_VENUE = ['title', 'venue'] as const;

const date = (v: string | undefined, fallback: Date) => (v === undefined ? fallback : new Date(v));

/** Processes with their phases and milestones, and themes (which may belong to a process). */
@Injectable()
export class ProcessesService {
  constructor(
    private readonly repo: ProcessesRepository,
    private readonly dialogues: DialoguesRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly extensions: TimelineExtensions,
  ) {}

  // ── processes ───────────────────────────────────────────────────────────────────────────

  async list(): Promise<Process[]> {
    const processes = await this.repo.list();
    return this.present(processes);
  }

  async get(id: string): Promise<Process> {
    const process = await this.repo.find(id);
    if (!process) throw notFound('Process');
    return (await this.present([process]))[0];
  }

  async create(dto: CreateProcessDto): Promise<Process> {
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    assertOrder(startsAt, endsAt);
    const saved = await inTransaction(this.dataSource, async () => {
      if (await this.repo.findBySlug(dto.slug)) throw duplicateSlug(dto.slug);
      const code = dto.code ?? (await this.freeCode(processCodeFromSlug(dto.slug)));
      if (dto.code && (await this.repo.findByCode(code))) throw duplicateCode(code);
      return this.repo
        .save({
          slug: dto.slug,
          code,
          title: dto.title.trim(),
          translations: mergeTranslations({}, dto.translations),
          startsAt,
          endsAt,
        })
        .catch(onUnique((e) => (/code/.test(e.constraint ?? '') ? duplicateCode(code) : duplicateSlug(dto.slug))));
    });
    return this.get(saved.id);
  }

  /** Changes a process; its dates may not leave any of its phases or milestones outside. */
  async update(id: string, dto: UpdateProcessDto): Promise<Process> {
    await inTransaction(this.dataSource, async () => {
      const before = await this.repo.lock(id);
      if (!before) throw notFound('Process');
      const startsAt = date(dto.startsAt, before.startsAt);
      const endsAt = date(dto.endsAt, before.endsAt);
      assertOrder(startsAt, endsAt);
      if (dto.slug !== undefined && dto.slug !== before.slug && (await this.repo.findBySlug(dto.slug))) {
        throw duplicateSlug(dto.slug);
      }
      if (dto.code !== undefined && dto.code !== before.code && (await this.repo.findByCode(dto.code))) {
        throw duplicateCode(dto.code);
      }
      const outside = await this.repo.countOutside(id, startsAt, endsAt);
      if (outside) {
        throw domainRule('outside-process', msgPlural(outside, 'dialogues.outsideProcessNewDates'), [
          {
            field: dto.startsAt !== undefined ? 'startsAt' : 'endsAt',
            message: msg('dialogues.outsideProcessNewDates.field'),
          },
        ]);
      }
      await this.repo
        .save({
          ...before,
          ...(dto.title !== undefined ? { title: dto.title.trim() } : {}),
          translations: mergeTranslations(before.translations, dto.translations),
          ...(dto.slug ? { slug: dto.slug } : {}),
          ...(dto.code ? { code: dto.code } : {}),
          startsAt,
          endsAt,
        })
        .catch(
          onUnique((e) =>
            /code/.test(e.constraint ?? '')
              ? duplicateCode(dto.code ?? before.code)
              : duplicateSlug(dto.slug ?? before.slug),
          ),
        );
    });
    return this.get(id);
  }

  /** The process's calendar: phases, milestones, themes, sessions, the dialogues ahead of them, and what other domains add (TimelineExtensions). */
  async timeline(id: string, viewer?: Viewer): Promise<ProcessTimeline> {
    const process = await this.repo.find(id);
    if (!process) throw notFound('Process');
    const sessions = await this.dialogues.listSessions(id);
    const bySession = new Map(sessions.map((s) => [s.id, s]));
    const dialogues = await this.dialogues.dialoguesOfSessions(
      sessions.map((s) => s.id),
      viewer ? undefined : PUBLIC_STATUSES,
    );
    return {
      process: toProcessHead(process),
      phases: (await this.repo.phases([id])).map(toPhase),
      milestones: (await this.repo.milestones([id])).map(toMilestone),
      themes: (await this.dialogues.listThemes(id)).map(toTheme),
      sessions: sessions.map(toSession),
      dialogues: dialogues.map((d) => toTimelineDialogue(d, bySession.get(d.informalSessionId))),
      ...(await this.extensions.extras(id, viewer)),
    };
  }

  // ── phases ──────────────────────────────────────────────────────────────────────────────

  async addPhase(processId: string, dto: CreatePhaseDto): Promise<Phase> {
    return inTransaction(this.dataSource, async () => {
      const process = await this.repo.lock(processId);
      if (!process) throw notFound('Process');
      const startsAt = new Date(dto.startsAt);
      const endsAt = new Date(dto.endsAt);
      assertInside(process, startsAt, endsAt);
      return toPhase(
        await this.repo.savePhase({
          processId,
          kind: dto.kind,
          title: dto.title.trim(),
          translations: mergeTranslations({}, dto.translations),
          startsAt,
          endsAt,
        }),
      );
    });
  }

  async updatePhase(id: string, dto: UpdatePhaseDto): Promise<Phase> {
    return inTransaction(this.dataSource, async () => {
      const found = await this.repo.findPhase(id);
      if (!found) throw notFound('Phase');
      const process = (await this.repo.lock(found.processId)) as ProcessRecord;
      const before = (await this.repo.findPhase(id)) as PhaseRecord;
      const startsAt = date(dto.startsAt, before.startsAt);
      const endsAt = date(dto.endsAt, before.endsAt);
      assertInside(process, startsAt, endsAt);
      return toPhase(
        await this.repo.savePhase({
          ...before,
          ...(dto.kind ? { kind: dto.kind } : {}),
          ...(dto.title !== undefined ? { title: dto.title.trim() } : {}),
          translations: mergeTranslations(before.translations, dto.translations),
          startsAt,
          endsAt,
        }),
      );
    });
  }

  async deletePhase(id: string): Promise<void> {
    if (!(await this.repo.findPhase(id))) throw notFound('Phase');
    await this.repo.deletePhase(id);
  }

  // ── milestones ──────────────────────────────────────────────────────────────────────────

  async addMilestone(processId: string, dto: CreateMilestoneDto): Promise<Milestone> {
    return inTransaction(this.dataSource, async () => {
      const process = await this.repo.lock(processId);
      if (!process) throw notFound('Process');
      const startsAt = new Date(dto.startsAt);
      const endsAt = dto.endsAt ? new Date(dto.endsAt) : null;
      assertInside(process, startsAt, endsAt);
      return toMilestone(
        await this.repo.saveMilestone({
          processId,
          kind: dto.kind,
          title: dto.title.trim(),
          translations: mergeTranslations({}, dto.translations),
          startsAt,
          endsAt,
          venue: dto.venue ?? null,
          timeZone: dto.timeZone,
        }),
      );
    });
  }

  async updateMilestone(id: string, dto: UpdateMilestoneDto): Promise<Milestone> {
    return inTransaction(this.dataSource, async () => {
      const found = await this.repo.findMilestone(id);
      if (!found) throw notFound('Milestone');
      const process = (await this.repo.lock(found.processId)) as ProcessRecord;
      const before = (await this.repo.findMilestone(id)) as MilestoneRecord;
      const startsAt = date(dto.startsAt, before.startsAt);
      const endsAt = dto.endsAt === undefined ? before.endsAt : dto.endsAt === null ? null : new Date(dto.endsAt);
      assertInside(process, startsAt, endsAt);
      const next: MilestoneRecord = { ...before, startsAt, endsAt };
      if (dto.kind) next.kind = dto.kind;
      if (dto.title !== undefined) next.title = dto.title.trim();
      if (dto.venue !== undefined) next.venue = dto.venue;
      next.translations = mergeTranslations(before.translations, dto.translations);
      if (dto.timeZone) next.timeZone = dto.timeZone;
      return toMilestone(await this.repo.saveMilestone(next));
    });
  }

  async deleteMilestone(id: string): Promise<void> {
    if (!(await this.repo.findMilestone(id))) throw notFound('Milestone');
    await this.repo.deleteMilestone(id);
  }

  // ── themes ──────────────────────────────────────────────────────────────────────────────

  async createTheme(dto: CreateThemeDto): Promise<Theme> {
    return inTransaction(this.dataSource, async () => {
      if (dto.processId) await this.assertProcess(dto.processId);
      if (await this.dialogues.findThemeByCode(dto.code)) throw duplicateTheme(dto.code);
      const saved = await this.dialogues
        .saveTheme({
          code: dto.code,
          title: dto.title.trim(),
          translations: mergeTranslations({}, dto.translations),
          processId: dto.processId ?? null,
        })
        .catch(onUnique(() => duplicateTheme(dto.code)));
      return toTheme(saved);
    });
  }

  async updateTheme(id: string, dto: UpdateThemeDto): Promise<Theme> {
    return inTransaction(this.dataSource, async () => {
      const before = await this.dialogues.findTheme(id);
      if (!before) throw notFound('Theme');
      if (dto.processId) await this.assertProcess(dto.processId);
      if (dto.code !== undefined && dto.code !== before.code && (await this.dialogues.findThemeByCode(dto.code))) {
        throw duplicateTheme(dto.code);
      }
      const next = { ...before };
      if (dto.code !== undefined) next.code = dto.code;
      if (dto.title !== undefined) next.title = dto.title.trim();
      if (dto.processId !== undefined) next.processId = dto.processId;
      next.translations = mergeTranslations(before.translations, dto.translations);
      return toTheme(await this.dialogues.saveTheme(next).catch(onUnique(() => duplicateTheme(next.code))));
    });
  }

  /** `base`, or `base` with a number that makes it unique (the default code of a new process). */
  private async freeCode(base: string): Promise<string> {
    let code = base;
    for (let n = 2; await this.repo.findByCode(code); n++) code = `${base.slice(0, 10 - String(n).length)}${n}`;
    return code;
  }

  private async assertProcess(id: string) {
    if (!(await this.repo.find(id))) {
      throw domainRule('unknown-process', msg('dialogues.unknownProcess'), [
        { field: 'processId', message: msg('dialogues.unknownProcess.field') },
      ]);
    }
  }

  private async present(processes: ProcessRecord[]): Promise<Process[]> {
    const ids = processes.map((p) => p.id);
    const phases = await this.repo.phases(ids);
    const milestones = await this.repo.milestones(ids);
    return processes.map((p) => ({
      ...toProcessHead(p),
      phases: phases.filter((x) => x.processId === p.id).map(toPhase),
      milestones: milestones.filter((x) => x.processId === p.id).map(toMilestone),
    }));
  }
}

function assertOrder(startsAt: Date, endsAt: Date) {
  if (endsAt.getTime() <= startsAt.getTime()) {
    throw badRequest(msg('platform.endsBeforeStart'), [
      { field: 'endsAt', message: msg('platform.endsBeforeStart.field') },
    ]);
  }
}

/** A phase or milestone lies within its process's dates (and ends after it starts). */
function assertInside(process: ProcessRecord, startsAt: Date, endsAt: Date | null) {
  if (endsAt) assertOrder(startsAt, endsAt);
  const errors: FieldErrorInput[] = [];
  if (startsAt.getTime() < process.startsAt.getTime() || startsAt.getTime() > process.endsAt.getTime()) {
    errors.push({ field: 'startsAt', message: msg('dialogues.startsOutsideProcess.field') });
  }
  if (endsAt && (endsAt.getTime() > process.endsAt.getTime() || endsAt.getTime() < process.startsAt.getTime())) {
    errors.push({ field: 'endsAt', message: msg('dialogues.endsOutsideProcess.field') });
  }
  if (errors.length) {
    throw domainRule(
      'outside-process',
      msg('dialogues.outsideProcess', {
        startsAt: process.startsAt.toISOString(),
        endsAt: process.endsAt.toISOString(),
      }),
      errors,
    );
  }
}

const duplicateSlug = (slug: string) =>
  new ProblemException(409, 'duplicate-process', msg('dialogues.duplicateProcess', { slug }), [
    { field: 'slug', message: msg('dialogues.duplicateProcess.field') },
  ]);
const duplicateCode = (code: string) =>
  new ProblemException(409, 'duplicate-process-code', msg('dialogues.duplicateProcessCode', { code }), [
    { field: 'code', message: msg('dialogues.duplicateCode.field') },
  ]);
const duplicateTheme = (code: string) =>
  new ProblemException(409, 'duplicate-theme', msg('dialogues.duplicateTheme', { code }), [
    { field: 'code', message: msg('dialogues.duplicateCode.field') },
  ]);

/** A unique violation lost to a concurrent request answers as the check would have. */
const onUnique =
  (problem: (error: { constraint?: string }) => ProblemException) =>
  (error: { code?: string; constraint?: string }): never => {
    if (error.code === '23505') throw problem(error);
    throw error;
  };

const toProcessHead = (p: ProcessRecord) => ({
  id: p.id,
  slug: p.slug,
  code: p.code,
  ...contentView(p, TITLE),
  startsAt: p.startsAt.toISOString(),
  endsAt: p.endsAt.toISOString(),
});

export const toPhase = (p: PhaseRecord): Phase => ({
  id: p.id,
  processId: p.processId,
  kind: p.kind,
  ...contentView(p, TITLE),
  startsAt: p.startsAt.toISOString(),
  endsAt: p.endsAt.toISOString(),
});

export const toMilestone = (m: MilestoneRecord): Milestone => ({
  id: m.id,
  processId: m.processId,
  kind: m.kind,
  ...contentView(m, TITLE_VENUE),
  startsAt: m.startsAt.toISOString(),
  endsAt: m.endsAt ? m.endsAt.toISOString() : null,
  timeZone: m.timeZone,
});
