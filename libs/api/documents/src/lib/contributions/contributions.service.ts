import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@gfmd/api-auth';
import { DialoguesService } from '@gfmd/api-dialogues';
import { OutboxService } from '@gfmd/api-mail';
import {
  AppConfig,
  AuditService,
  conflict,
  createValidationPipe,
  domainRule,
  inTransaction,
  normalizeEmail,
  notFound,
  PersonDataRegistry,
  ProblemException,
  msg,
} from '@gfmd/api-platform';
import { ContributionSources, RecommendationContributionsService } from '@gfmd/api-outcomes';
import type { CitedContribution, ContributionPage, ContributionStatus, ContributionView } from '@gfmd/contracts';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { DocumentsService } from '../documents.service';
import { receiveUpload, type ReceivedUpload } from '../upload/upload-receiver';
import { CreateContributionDto, ListContributionsQuery } from './contribution.dto';
import { ContributionLinks } from './contribution-links';
import { ContributionRecord, ContributionsRepository } from './contributions.repository';

const DAY_MS = 86_400_000;
const isOrganizer = (user: AuthUser | undefined) => user?.role === 'admin' || user?.role === 'organizer';

/** Staff see everything; the public an accepted contribution, the name only with consent to publish, never the address. */
export function toContributionView(c: ContributionRecord, staff: boolean): ContributionView {
  const base: ContributionView = {
    id: c.id,
    dialogueId: c.dialogueId,
    title: c.title,
    text: c.text,
    organization: c.organization,
    stakeholderGroup: c.stakeholderGroup,
    name: staff || c.consentToPublish ? c.name : null,
    status: c.status,
    consentToPublish: c.consentToPublish,
    documentId: c.documentId,
    submittedAt: c.submittedAt.toISOString(),
    decidedAt: c.decidedAt ? c.decidedAt.toISOString() : null,
  };
  return staff ? { ...base, email: c.email ?? undefined, reason: c.reason } : base;
}

/** What a recommendation's page shows of a contribution it draws on. */
export function toCitedContribution(c: ContributionRecord): CitedContribution {
  return {
    id: c.id,
    dialogueId: c.dialogueId,
    title: c.title,
    organization: c.organization,
    stakeholderGroup: c.stakeholderGroup,
    name: c.consentToPublish ? c.name : null,
  };
}

/**
 * Written contributions (docs/documents.md, "Contributions"): anyone may send one before the
 * dialogue's deadline; it reaches the organizers once its address is confirmed through an
 * emailed link; organizers accept (it becomes public, its file too) or reject it with a reason,
 * and the author is emailed. Limits per address and per dialogue over 24 hours.
 */
@Injectable()
export class ContributionsService implements OnModuleInit {
  private readonly pipe = createValidationPipe();

  constructor(
    private readonly repo: ContributionsRepository,
    private readonly links: ContributionLinks,
    private readonly dialogues: DialoguesService,
    private readonly documents: DocumentsService,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly personData: PersonDataRegistry,
    private readonly contributionSources: ContributionSources,
    private readonly recommendations: RecommendationContributionsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    // The outcomes domain reads accepted contributions (to link and list them) through this port only.
    this.contributionSources.register(async (dialogueId, ids) =>
      (await this.repo.acceptedAmong(ids, dialogueId)).map(toCitedContribution),
    );
    this.personData.register({
      name: 'contributions',
      export: async (email) => (await this.repo.byEmail(email)).map((c) => toContributionView(c, true)),
      erase: async (email) => {
        const { count, documentIds } = await this.repo.erase(email);
        await this.documents.deleteRecords(documentIds);
        return count;
      },
    });
  }

  async window(dialogueId: string, user: AuthUser | undefined) {
    await this.dialogues.findVisible(dialogueId, user);
    const closesAt = await this.repo.closesAt(dialogueId);
    return { contributionsCloseAt: closesAt?.toISOString() ?? null, open: !!closesAt && closesAt > new Date() };
  }

  async setWindow(dialogueId: string, closesAt: string | null) {
    await this.dialogues.findRecord(dialogueId);
    await this.repo.setClosesAt(dialogueId, closesAt ? new Date(closesAt) : null);
    return this.window(dialogueId, { id: '', email: '', name: '', role: 'organizer' });
  }

  /** JSON, or multipart with an optional `file`: 202 once written; organizers see it after the address check. */
  async create(dialogueId: string, request: FastifyRequest): Promise<{ id: string; status: ContributionStatus }> {
    const dialogue = await this.dialogues.findVisible(dialogueId, undefined);
    let upload: ReceivedUpload | undefined;
    try {
      let fields: unknown = request.body;
      if (request.isMultipart()) {
        upload = await receiveUpload(request, this.config.documents.maxUploadBytes);
        fields = upload.fields;
      }
      const dto = (await this.pipe.transform(fields ?? {}, {
        type: 'body',
        metatype: CreateContributionDto,
      })) as CreateContributionDto;
      const email = normalizeEmail(dto.email);
      const closesAt = await this.repo.closesAt(dialogue.id);
      if (!closesAt || closesAt <= new Date())
        throw domainRule('contributions-closed', msg('documents.contributionsClosed'));
      const limits = this.config.contributionLimits;
      const recent = await this.repo.recentCounts(dialogue.id, email, new Date(Date.now() - DAY_MS));
      if (recent.byAddress >= limits.perAddressPerDay || recent.byDialogue >= limits.perDialoguePerDay)
        throw new ProblemException(429, 'too-many-contributions', msg('documents.tooManyContributions'));
      const language = dto.language ?? 'en';
      const document = upload?.file
        ? await this.documents.storeChecked(
            upload.file,
            {
              dialogueId: dialogue.id,
              ownerType: 'dialogue',
              ownerId: dialogue.id,
              spaceId: null,
              kind: 'contribution',
              title: { [language]: dto.title.trim() },
              visibility: 'staff',
              language,
            },
            null,
          )
        : null;
      try {
        const saved = await inTransaction(this.dataSource, async (_m, afterCommit) => {
          const row = await this.repo.insert({
            dialogueId: dialogue.id,
            title: dto.title.trim(),
            text: dto.text.trim(),
            organization: dto.organization?.trim() || null,
            stakeholderGroup: dto.stakeholderGroup,
            name: dto.name.trim(),
            email,
            language,
            consentToPublish: dto.consentToPublish,
            documentId: document?.id ?? null,
          });
          await this.outbox.write(afterCommit, [
            {
              kind: 'contribution_confirm',
              to: email,
              language,
              idempotencyKey: `contribution_confirm:${row.id}`,
              params: { dialogueTitle: dialogue.title, recipientName: row.name ?? undefined, linkId: row.id },
              links: 'contribution',
              dialogueId: dialogue.id,
            },
          ]);
          return row;
        });
        return { id: saved.id, status: saved.status };
      } catch (error) {
        if (document) await this.documents.deleteRecords([document.id]);
        throw error;
      }
    } finally {
      await upload?.discard();
    }
  }

  /** The emailed link: the contribution goes to the organizers (once; 404 for an unknown or used token). */
  async confirm(token: string): Promise<{ id: string; dialogueId: string; status: ContributionStatus }> {
    const hash = this.links.hashOf(token);
    const row = hash ? await inTransaction(this.dataSource, () => this.repo.confirmByTokenHash(hash)) : null;
    if (!row) throw notFound('Contribution');
    return { id: row.id, dialogueId: row.dialogueId, status: row.status };
  }

  /** Organizers: every confirmed contribution (or one status); others: the accepted ones of a public dialogue. */
  async list(dialogueId: string, user: AuthUser | undefined, query: ListContributionsQuery) {
    await this.dialogues.findVisible(dialogueId, user);
    const staff = isOrganizer(user);
    const statuses: ContributionStatus[] = staff
      ? query.status
        ? [query.status]
        : ['submitted', 'accepted', 'rejected']
      : ['accepted'];
    return (await this.repo.list(dialogueId, statuses)).map((c) => toContributionView(c, staff));
  }

  /**
   * A contribution's own page: anyone, an accepted one of a public dialogue (with the published
   * recommendations that cite it); organizers, any confirmed one. 404 otherwise.
   */
  async page(id: string, user: AuthUser | undefined): Promise<ContributionPage> {
    const row = await this.repo.find(id);
    const staff = isOrganizer(user);
    if (!row || row.status === 'unconfirmed' || (!staff && row.status !== 'accepted')) throw notFound('Contribution');
    await this.dialogues.findVisible(row.dialogueId, user);
    const citedBy = row.status === 'accepted' ? await this.recommendations.citing(id) : [];
    return { ...toContributionView(row, staff), citedBy };
  }

  async decide(id: string, verdict: 'accepted' | 'rejected', reason: string | undefined, user: AuthUser) {
    const saved = await inTransaction(this.dataSource, async (_m, afterCommit) => {
      const row = await this.repo.lock(id);
      if (!row || row.status === 'unconfirmed') throw notFound('Contribution');
      if (row.status !== 'submitted')
        throw conflict('invalid-transition', msg('documents.contributionAlready', { status: row.status }), {
          contributionStatus: row.status,
        });
      const dialogue = await this.dialogues.findRecord(row.dialogueId);
      const why = reason?.trim() || null;
      await this.repo.decide(id, verdict, why, user.id);
      if (verdict === 'accepted' && row.documentId) await this.documents.setVisibility(row.documentId, 'public');
      await this.audit.record({
        actorUserId: user.id,
        action: verdict === 'accepted' ? 'contribution.accepted' : 'contribution.rejected',
        entityType: 'contribution',
        entityId: id,
        dialogueId: row.dialogueId,
        details: { reasonGiven: !!why },
      });
      if (row.email)
        await this.outbox.write(afterCommit, [
          {
            kind: verdict === 'accepted' ? 'contribution_accepted' : 'contribution_rejected',
            to: row.email,
            language: row.language,
            idempotencyKey: `contribution_${verdict}:${id}`,
            params: {
              dialogueTitle: dialogue.title,
              recipientName: row.name ?? undefined,
              ...(why ? { reason: why } : {}),
              // The accepted contribution's public page, where the recommendations citing it show.
              ...(verdict === 'accepted' ? { viewUrl: `${this.config.publicUrl}/contributions/${id}` } : {}),
            },
            dialogueId: row.dialogueId,
          },
        ]);
      return (await this.repo.find(id)) as ContributionRecord;
    });
    return toContributionView(saved, true);
  }
}
