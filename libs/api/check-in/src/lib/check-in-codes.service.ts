import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@gfmd/api-auth';
import { AppConfig, AuditService, inTransaction, notFound } from '@gfmd/api-platform';
import { CheckInCodeSource, CheckInPort, type CheckInCard } from '@gfmd/api-registrations';
import { DataSource } from 'typeorm';
import {
  readCheckInCode,
  readDeskCode,
  signCheckInCode,
  signDeskCode,
  verifyCheckInCode,
  verifyDeskCode,
} from './check-in-code.util';
import { CheckInCodesRepository } from './check-in-codes.repository';

/** A registration's two codes at its current version: the QR's and the one typed at the door. */
export interface RegistrationCodes {
  checkInCode: string;
  deskCode: string;
}

/**
 * Signed check-in codes: the code of a registration at its current version, what a scanned code
 * opens, and reissuing (which voids every code given before). The manage view and the badges get
 * the codes from here.
 */
@Injectable()
export class CheckInCodes implements CheckInCodeSource {
  constructor(
    private readonly config: AppConfig,
    private readonly versions: CheckInCodesRepository,
  ) {}

  async codesOf(registrationId: string, dialogueId: string): Promise<RegistrationCodes> {
    const claims = { registrationId, dialogueId, version: await this.versions.version(registrationId) };
    return {
      checkInCode: signCheckInCode(this.config.checkInSecret, claims),
      deskCode: signDeskCode(this.config.checkInSecret, claims),
    };
  }

  /** What a typed desk code names: its canonical form and the id range to look in; null when it is not one. */
  readDesk(typed: string): ReturnType<typeof readDeskCode> {
    return readDeskCode(typed);
  }

  /** The one of `cards` whose current desk code is `code` (canonical, from readDesk); null when none is. */
  async deskMatch<T extends Pick<CheckInCard, 'id' | 'dialogueId'>>(code: string, cards: T[]): Promise<T | null> {
    if (!cards.length) return null;
    const versions = await this.versions.versions(cards.map((c) => c.id));
    return (
      cards.find((c) =>
        verifyDeskCode(this.config.checkInSecret, code, {
          registrationId: c.id,
          dialogueId: c.dialogueId,
          version: versions.get(c.id) ?? 0,
        }),
      ) ?? null
    );
  }

  /** The codes of many registrations at once (badge batches): both signed from one read of each version. */
  async codesFor(cards: { id: string; dialogueId: string }[]): Promise<Map<string, RegistrationCodes>> {
    const versions = await this.versions.versions(cards.map((c) => c.id));
    return new Map(
      cards.map((c) => {
        const claims = { registrationId: c.id, dialogueId: c.dialogueId, version: versions.get(c.id) ?? 0 };
        return [
          c.id,
          {
            checkInCode: signCheckInCode(this.config.checkInSecret, claims),
            deskCode: signDeskCode(this.config.checkInSecret, claims),
          },
        ];
      }),
    );
  }

  /** The registration id a code claims (unchecked); null when it is not a code. */
  claimedRegistration(code: string): string | null {
    return readCheckInCode(code)?.registrationId ?? null;
  }

  /** True when `code` is the current code of this registration in its dialogue. */
  async isCurrent(code: string, card: Pick<CheckInCard, 'id' | 'dialogueId'>): Promise<boolean> {
    const version = await this.versions.version(card.id);
    return verifyCheckInCode(this.config.checkInSecret, code, {
      registrationId: card.id,
      dialogueId: card.dialogueId,
      version,
    });
  }
}

/** Organizers reissue a code (a lost or shared badge): the old code answers 404 from then on. */
@Injectable()
export class CheckInCodeReissue {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly codes: CheckInCodes,
    private readonly versions: CheckInCodesRepository,
    private readonly port: CheckInPort,
    private readonly audit: AuditService,
  ) {}

  async reissue(registrationId: string, user: AuthUser): Promise<{ checkInCode: string; deskCode: string }> {
    const card = await this.port.card(registrationId);
    if (!card) throw notFound('Registration');
    await this.port.assertReach(card.id, user);
    await inTransaction(this.dataSource, async () => {
      const version = await this.versions.bump(card.id);
      await this.audit.record({
        actorUserId: user.id,
        action: 'registration.check_in_code_reissued',
        entityType: 'registration',
        entityId: card.id,
        dialogueId: card.dialogueId,
        details: { version },
      });
    });
    return this.codes.codesOf(card.id, card.dialogueId);
  }
}
