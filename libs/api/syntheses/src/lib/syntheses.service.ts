import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  Synthesis,
  SynthesisDue,
  SynthesisRecommendation,
  SynthesisSection,
  SynthesisTarget,
} from '@gfmd/contracts';
import type { AuthUser } from '@gfmd/api-auth';
import { DialoguesRepository, TimelineExtensions } from '@gfmd/api-dialogues';
import {
  AppConfig,
  AuditService,
  badRequest,
  conflict,
  domainRule,
  DomainEvents,
  inTransaction,
  notFound,
  ProblemException,
  contentView,
  localizeContent,
  mergeTranslations,
  msg,
  type FieldErrorInput,
} from '@gfmd/api-platform';
import { PublishedRecommendationsPort } from '@gfmd/api-outcomes';
import { DataSource } from 'typeorm';
import { PutSynthesisDto } from './synthesis.dto';
import { PublishedSnapshot, SynthesesRepository, SynthesisRecord } from './syntheses.repository';
import { SubscribersService } from './subscribers.service';
import { defaultDueAt, SynthesisTargets, TargetRecord } from './synthesis-targets';

/** The synthesis as the documents (PDF, DOCX) and the web page read it. */
export interface SynthesisContent {
  synthesis: Synthesis;
  target: TargetRecord;
  recommendations: Map<string, SynthesisRecommendation>;
}

/**
 * The synthesis of an informal session or of a milestone (docs/syntheses.md): organizers write
 * the introduction, choose published recommendations by reference, group them into sections in
 * their own order, and publish. Every save bumps the version (a stale one answers 409); a save
 * after publication makes a new draft while the published snapshot stays public.
 */
@Injectable()
export class SynthesesService implements OnModuleInit {
  constructor(
    private readonly repo: SynthesesRepository,
    private readonly targets: SynthesisTargets,
    private readonly recommendations: PublishedRecommendationsPort,
    private readonly dialogues: DialoguesRepository,
    private readonly subscribers: SubscribersService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timeline: TimelineExtensions,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit() {
    this.timeline.register(async (processId, viewer) => ({
      syntheses: await this.dues(processId, viewer?.role === 'admin' || viewer?.role === 'organizer'),
    }));
  }

  /** Staff (with `working`): the working copy, an empty draft at version 0 before the first save; else the published one (404 before). */
  async get(target: SynthesisTarget, id: string, working: boolean): Promise<Synthesis> {
    return (await this.content(target, id, working)).synthesis;
  }

  /** The synthesis with the recommendations it references (for the page and the documents). */
  async content(target: SynthesisTarget, id: string, working: boolean): Promise<SynthesisContent> {
    const t = await this.targets.resolve(target, id);
    const row = await this.repo.find(target, id);
    let synthesis: Synthesis;
    if (working) {
      synthesis = toSynthesis(t, row ?? emptySynthesis(t), this.config.publicUrl);
    } else {
      if (!row?.publishedSnapshot || row.publishedVersion === null) throw notFound('Synthesis');
      synthesis = toPublicSynthesis(t, row, row.publishedSnapshot, this.config.publicUrl);
    }
    const references = synthesis.sections.flatMap((s) => s.references);
    const found = await this.recommendations.findMany(references);
    const byRef = new Map(found.map((r) => [r.reference, r]));
    synthesis.recommendations = references.flatMap((r) =>
      byRef.has(r) ? [byRef.get(r) as SynthesisRecommendation] : [],
    );
    return { synthesis, target: t, recommendations: byRef };
  }

  async put(target: SynthesisTarget, id: string, dto: PutSynthesisDto, user: AuthUser): Promise<Synthesis> {
    const t = await this.targets.resolve(target, id);
    const sent = dto.sections;
    const dueAt = dto.dueAt === undefined ? undefined : dto.dueAt === null ? null : new Date(dto.dueAt);
    return inTransaction(this.dataSource, async () => {
      const row = await this.repo.lock(target, id);
      assertVersion(t, row, dto.version, this.config.publicUrl);
      const sections = normalizeSections(sent, row.sections);
      await this.assertSections(sections);
      const next: SynthesisRecord = {
        ...row,
        introduction: dto.introduction.trim(),
        translations: mergeTranslations(row.translations, dto.translations),
        dueAt: dueAt === undefined ? row.dueAt : dueAt,
        sections,
        status: 'draft',
        version: row.version + 1,
      };
      await this.repo.save(next);
      await this.audit.record({
        actorUserId: user.id,
        action: 'synthesis.changed',
        entityType: 'synthesis',
        entityId: row.id,
        details: { version: next.version, fields: changed(row, next), target, targetId: id },
      });
      return toSynthesis(t, next, this.config.publicUrl);
    });
  }

  /**
   * Publishes the working copy: the public reads it from now on, and each confirmed subscriber
   * of the session or milestone (or of its whole process) gets one email through the outbox, in
   * this transaction. Publishing a version that is published already changes and sends nothing.
   */
  async publish(target: SynthesisTarget, id: string, user: AuthUser): Promise<Synthesis> {
    const t = await this.targets.resolve(target, id);
    return inTransaction(this.dataSource, async (_m, afterCommit) => {
      const row = await this.repo.lock(target, id);
      if (row.version === 0) throw conflict('invalid-transition', msg('syntheses.noDraft'));
      if (row.status === 'published' && row.publishedVersion === row.version) {
        return toSynthesis(t, row, this.config.publicUrl);
      }
      await this.assertSections(row.sections);
      const now = new Date();
      const snapshot: PublishedSnapshot = {
        introduction: row.introduction,
        translations: row.translations ?? {},
        dueAt: (row.dueAt ?? defaultDueAt(t)).toISOString(),
        dueAtSet: row.dueAt !== null,
        sections: row.sections,
      };
      const next: SynthesisRecord = {
        ...row,
        status: 'published',
        publishedVersion: row.version,
        publishedAt: now,
        publishedSnapshot: snapshot,
      };
      await this.repo.save(next);
      const emails = await this.subscribers.notifyPublished(afterCommit, t, row.id, row.version);
      await this.audit.record({
        actorUserId: user.id,
        action: 'synthesis.published',
        entityType: 'synthesis',
        entityId: row.id,
        details: { version: row.version, emails, target, targetId: id },
      });
      await this.events.record(
        'synthesis.published',
        { data: { synthesisId: row.id, target, targetId: id, version: row.version, publishedAt: now.toISOString() } },
        afterCommit,
      );
      return toSynthesis(t, next, this.config.publicUrl);
    });
  }

  /** The published recommendations that bear on it: of the dialogues ahead of the session (or of every session of the process). */
  async candidates(target: SynthesisTarget, id: string): Promise<SynthesisRecommendation[]> {
    const t = await this.targets.resolve(target, id);
    return this.recommendations.listForSessions(t.sessionIds);
  }

  /** The due dates of a process's syntheses: every session, and every milestone that has one or is a stocktaking meeting. */
  async dues(processId: string, staff: boolean, now = new Date()): Promise<SynthesisDue[]> {
    const targets = await this.targets.ofProcess(processId);
    const rows = await this.repo.listFor(
      targets.filter((t) => t.target === 'informal-sessions').map((t) => t.id),
      targets.filter((t) => t.target === 'milestones').map((t) => t.id),
    );
    const byTarget = new Map(rows.map((r) => [r.informalSessionId ?? r.milestoneId, r]));
    return targets
      .filter((t) => t.target === 'informal-sessions' || byTarget.has(t.id) || isStocktaking(t))
      .map((t) => {
        const row = byTarget.get(t.id);
        const published = row?.publishedAt ? new Date(row.publishedAt) : null;
        const dueAt = row?.dueAt ? new Date(row.dueAt) : defaultDueAt(t);
        const status: SynthesisDue['status'] = published
          ? 'published'
          : row && row.version > 0 && staff
            ? 'draft'
            : 'missing';
        return {
          target: t.target,
          targetId: t.id,
          ...headingOf(t),
          dueAt: dueAt.toISOString(),
          status,
          late: isLate(dueAt, published, now),
          publishedAt: published ? published.toISOString() : null,
        };
      })
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  /** Themes exist; every reference is a published recommendation not withdrawn, and listed once. */
  private async assertSections(sections: SynthesisSection[]): Promise<void> {
    const errors: FieldErrorInput[] = [];
    const seen = new Set<string>();
    sections.forEach((s, i) =>
      s.references.forEach((r, j) => {
        if (seen.has(r))
          errors.push({
            field: `sections.${i}.references.${j}`,
            message: msg('syntheses.referenceTwice.field', { reference: r }),
          });
        seen.add(r);
      }),
    );
    if (errors.length) throw badRequest(msg('syntheses.referenceTwice'), errors);
    const themeIds = [...new Set(sections.flatMap((s) => (s.themeId ? [s.themeId] : [])))];
    const missingThemes = new Set(await this.dialogues.themesExist(themeIds));
    if (missingThemes.size) {
      throw domainRule(
        'unknown-theme',
        msg('dialogues.unknownTheme'),
        sections.flatMap((s, i) =>
          s.themeId && missingThemes.has(s.themeId)
            ? [{ field: `sections.${i}.themeId`, message: msg('dialogues.unknownTheme.field', { ids: s.themeId }) }]
            : [],
        ),
      );
    }
    const found = new Map((await this.recommendations.findMany([...seen])).map((r) => [r.reference, r]));
    const bad = sections.flatMap((s, i) =>
      s.references.flatMap((r, j) => {
        const rec = found.get(r);
        if (rec && !rec.withdrawn) return [];
        return [
          {
            field: `sections.${i}.references.${j}`,
            reference: r,
            message: msg(rec ? 'syntheses.withdrawn.field' : 'syntheses.notPublished.field', { reference: r }),
          },
        ];
      }),
    );
    if (bad.length) {
      throw domainRule(
        'unknown-reference',
        msg('syntheses.onlyPublished', { references: bad.map((e) => e.reference).join(', ') }),
        bad.map(({ field, message }) => ({ field, message })),
      );
    }
  }
}

const isStocktaking = (t: TargetRecord) => t.milestoneKind === 'stocktaking_meeting';

/** Late: published after its due date, or not published and the due date has passed. */
export const isLate = (dueAt: Date, publishedAt: Date | null, now: Date) =>
  publishedAt ? publishedAt.getTime() > dueAt.getTime() : now.getTime() > dueAt.getTime();

/**
 * The stored form: references upper-cased and trimmed, blank titles dropped, each title's
 * translations merged over the stored section's (read-only fields of a read sent back dropped).
 * A section sent without `translations` (a client unaware of them) keeps those of the stored
 * section of the same title, else of the same position if that one had a title. A section
 * without a title of its own has no translations (its heading is the theme and kind's).
 */
function normalizeSections(sections: SynthesisSection[], before: SynthesisSection[] = []): SynthesisSection[] {
  return sections.map((s, i) => {
    const title = s.title?.trim() || null;
    const stored =
      before.find((b) => title !== null && b.title === title) ?? (before[i]?.title ? before[i] : undefined);
    return {
      themeId: s.themeId ?? null,
      kind: s.kind ?? null,
      title,
      translations: title === null ? {} : mergeTranslations(stored?.translations, s.translations),
      references: s.references.map((r) => r.trim().toUpperCase()),
    };
  });
}

/** The title of each section for the reader (staff reading the source: with its translations and what is missing). */
const presentSections = (sections: SynthesisSection[], staffView: boolean): SynthesisSection[] =>
  sections.map(({ translations, titleLang: _read, missingTranslations: _missing, ...s }) => {
    const record = { title: s.title ?? null, translations: translations ?? {} };
    const view = staffView ? contentView(record, ['title'], 'en') : localizeContent(record, ['title'], 'en');
    return { ...s, ...view };
  });

function changed(before: SynthesisRecord, after: SynthesisRecord): string[] {
  const out: string[] = [];
  if (before.introduction !== after.introduction) out.push('introduction');
  if (JSON.stringify(before.translations ?? {}) !== JSON.stringify(after.translations ?? {})) out.push('translations');
  if ((before.dueAt?.getTime?.() ?? null) !== (after.dueAt?.getTime?.() ?? null)) out.push('dueAt');
  if (JSON.stringify(before.sections) !== JSON.stringify(after.sections)) out.push('sections');
  return out;
}

function assertVersion(t: TargetRecord, row: SynthesisRecord, version: number, publicUrl: string) {
  if (version !== row.version) {
    throw new ProblemException(
      409,
      'stale-version',
      msg('syntheses.staleVersion', { current: row.version, edited: version }),
      undefined,
      { currentVersion: row.version, current: toSynthesis(t, row, publicUrl) },
    );
  }
}

function emptySynthesis(t: TargetRecord): SynthesisRecord {
  return {
    id: '',
    informalSessionId: t.target === 'informal-sessions' ? t.id : null,
    milestoneId: t.target === 'milestones' ? t.id : null,
    introduction: '',
    translations: {},
    dueAt: null,
    status: 'draft',
    version: 0,
    sections: [],
    publishedVersion: null,
    publishedAt: null,
    publishedSnapshot: null,
  };
}

const targetKey = (t: TargetRecord) =>
  t.target === 'informal-sessions' ? { informalSessionId: t.id } : { milestoneId: t.id };

/**
 * The title, and its parts for a client that writes the heading in its own words: a session's
 * number and the session's or milestone's own title with the language it came in (the web marks
 * that title with `lang` without reading it out of `title`).
 */
const headingOf = (t: TargetRecord) => ({
  title: t.title,
  titleLang: t.titleLang,
  ...(t.sessionNumber !== null ? { sessionNumber: t.sessionNumber } : {}),
  targetTitle: t.ownTitle,
  targetTitleLang: t.titleLang,
});

const documentUrls = (t: TargetRecord, publicUrl: string) => ({
  pdfUrl: `${publicUrl}/api/v1/${t.target}/${t.id}/synthesis.pdf`,
  docxUrl: `${publicUrl}/api/v1/${t.target}/${t.id}/synthesis.docx`,
});

export function toSynthesis(t: TargetRecord, row: SynthesisRecord, publicUrl: string, now = new Date()): Synthesis {
  const dueAt = row.dueAt ? new Date(row.dueAt) : defaultDueAt(t);
  const publishedAt = row.publishedAt ? new Date(row.publishedAt) : null;
  return {
    ...targetKey(t),
    ...headingOf(t),
    // Staff read the source (with the translations and what is missing); `?lang=` the reader's language.
    ...contentView({ introduction: row.introduction, translations: row.translations }, ['introduction'], 'en'),
    dueAt: dueAt.toISOString(),
    dueAtSet: row.dueAt !== null,
    status: row.status,
    version: row.version,
    sections: presentSections(row.sections, true),
    publishedVersion: row.publishedVersion,
    publishedAt: publishedAt ? publishedAt.toISOString() : null,
    late: isLate(dueAt, publishedAt, now),
    ...(row.publishedVersion !== null ? documentUrls(t, publicUrl) : {}),
  };
}

function toPublicSynthesis(t: TargetRecord, row: SynthesisRecord, p: PublishedSnapshot, publicUrl: string): Synthesis {
  const publishedAt = new Date(row.publishedAt as Date);
  // The reader's language where translated (also the PDF's and DOCX's), else English, the source.
  const { introduction, introductionLang } = localizeContent(p, ['introduction'], 'en');
  return {
    ...targetKey(t),
    ...headingOf(t),
    introduction: introduction ?? '',
    introductionLang,
    dueAt: p.dueAt,
    dueAtSet: p.dueAtSet,
    status: 'published',
    version: row.publishedVersion as number,
    // Frozen at publication with their translations (snapshots published before have none).
    sections: presentSections(p.sections, false),
    publishedVersion: row.publishedVersion,
    publishedAt: publishedAt.toISOString(),
    late: isLate(new Date(p.dueAt), publishedAt, new Date()),
    ...documentUrls(t, publicUrl),
  };
}
