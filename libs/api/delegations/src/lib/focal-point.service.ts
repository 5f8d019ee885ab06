import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DialoguesService } from '@gfmd/api-dialogues';
import { AuditService, inTransaction, localizeContent, notFound } from '@gfmd/api-platform';
import { SeatHolds } from '@gfmd/api-registrations';
import type { FocalPointView } from '@gfmd/contracts';
import { DataSource } from 'typeorm';
import { DelegateDto } from './delegation.dto';
import { DelegationLinks } from './delegation-links';
import { toDelegates } from './delegation.mapper';
import { DelegationRow, DelegationsRepository } from './delegations.repository';

/**
 * The focal point's page, reached by their private link only (no account; 404 for a token that
 * names no delegation): see the delegation, name delegates into its held seats, replace one by
 * another (the seat is kept, the replaced person is told), withdraw one (the seat returns to the
 * delegation). Each delegate is a confirmed registration with its own manage link and emails.
 */
@Injectable()
export class FocalPointService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly links: DelegationLinks,
    private readonly repo: DelegationsRepository,
    private readonly holds: SeatHolds,
    private readonly dialogues: DialoguesService,
    private readonly audit: AuditService,
  ) {}

  async view(token: string): Promise<FocalPointView> {
    return this.viewOf(await this.open(token));
  }

  async addDelegate(token: string, dto: DelegateDto): Promise<FocalPointView> {
    const delegation = await this.open(token);
    await inTransaction(this.dataSource, async (_m, afterCommit) => {
      const reg = await this.holds.admit(afterCommit, delegation.id, dto);
      await this.repo.addMember(reg.id, delegation.id, dto.role);
      await this.record(delegation, 'delegation.delegate_added', { registrationId: reg.id, role: dto.role });
    });
    return this.viewOf(delegation);
  }

  async withdraw(token: string, registrationId: string): Promise<FocalPointView> {
    const delegation = await this.open(token);
    await inTransaction(this.dataSource, async (_m, afterCommit) => {
      await this.holds.withdraw(afterCommit, delegation.id, registrationId);
      await this.record(delegation, 'delegation.delegate_withdrawn', { registrationId });
    });
    return this.viewOf(delegation);
  }

  /** Withdraws a delegate and names another in the same seat, in one transaction (both or neither). */
  async replace(token: string, registrationId: string, dto: DelegateDto): Promise<FocalPointView> {
    const delegation = await this.open(token);
    await inTransaction(this.dataSource, async (_m, afterCommit) => {
      await this.holds.withdraw(afterCommit, delegation.id, registrationId);
      const reg = await this.holds.admit(afterCommit, delegation.id, dto);
      await this.repo.addMember(reg.id, delegation.id, dto.role);
      await this.record(delegation, 'delegation.delegate_replaced', {
        registrationId,
        replacedBy: reg.id,
        role: dto.role,
      });
    });
    return this.viewOf(delegation);
  }

  private async open(token: string): Promise<DelegationRow> {
    const delegation = await this.links.resolve(token);
    if (!delegation) throw notFound('Delegation');
    return delegation;
  }

  private record(
    delegation: DelegationRow,
    action: 'delegation.delegate_added' | 'delegation.delegate_withdrawn' | 'delegation.delegate_replaced',
    details: Record<string, string>,
  ) {
    return this.audit.record({
      actorUserId: null,
      action,
      entityType: 'delegation',
      entityId: delegation.id,
      dialogueId: delegation.dialogueId,
      details,
    });
  }

  private async viewOf(delegation: DelegationRow): Promise<FocalPointView> {
    const d = await this.dialogues.findRecord(delegation.dialogueId);
    const usage = (await this.holds.usage([delegation.id])).get(delegation.id);
    const languages = d.languages?.length ? d.languages : ['en' as const];
    const words = localizeContent(d, ['title'], languages[0]);
    return {
      delegation: {
        id: delegation.id,
        name: delegation.name,
        stakeholderGroup: delegation.stakeholderGroup,
        country: delegation.country,
        seats: usage?.seats ?? 0,
        used: usage?.used ?? 0,
      },
      dialogue: {
        id: d.id,
        title: words.title ?? d.title,
        titleLang: words.titleLang,
        languages,
        startsAt: d.startsAt.toISOString(),
        endsAt: d.endsAt.toISOString(),
        timeZone: d.timeZone,
        venue: d.venue,
        status: d.status,
      },
      delegates: toDelegates(await this.holds.members(delegation.id), await this.repo.roles(delegation.id)),
    };
  }
}
