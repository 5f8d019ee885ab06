import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@gfmd/api-auth';
import type { CheckInPerson, CheckInRoom, CheckInScanResult, CheckInUndoResult, RoomOutcome } from '@gfmd/contracts';
import {
  AuditService,
  badRequest,
  conflict,
  DomainEvents,
  domainRule,
  inTransaction,
  msg,
  notFound,
} from '@gfmd/api-platform';
import { CheckInPort, type CheckInCard } from '@gfmd/api-registrations';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CheckInCodes } from './check-in-codes.service';
import { CheckInRooms } from './check-in-rooms.service';
import type { ScanDto } from './check-in.dto';
import { CheckInScansRepository, type ScanRow } from './check-in-scans.repository';
import { DoorStaffService } from './door-staff.service';
import { RoomArrivalsRepository } from './room-arrivals.repository';

/** How far back an offline scan's own time is believed (older ones count at their arrival). */
const OFFLINE_WINDOW_MS = 7 * 86_400_000;

/** The person as the door sees them. */
export function toPerson(card: CheckInCard): CheckInPerson {
  return {
    id: card.id,
    dialogueId: card.dialogueId,
    name: [card.title, card.firstName, card.lastName].filter(Boolean).join(' '),
    organization: card.organization,
    country: card.country,
    stakeholderGroup: card.stakeholderGroup,
    status: card.status,
    checkedInAt: card.checkedInAt ? card.checkedInAt.toISOString() : null,
    spaces: card.spaces,
  };
}

const unknownCode = () => notFound('Check-in code');

const roomAnswer = (room: CheckInRoom, outcome: RoomOutcome) => ({
  kind: room.kind,
  id: room.id,
  name: room.name,
  outcome,
});

/**
 * Check-in at the door (docs/check-in.md): a scan opens a registration only with its current
 * signed code, for the staff member's reach (the rule of POST /registrations/:id/check-in), in
 * the dialogue the door checks in for; it counts once (the registration's check-in time is set
 * once, in the transaction that records the scan), and a scan id sent again (an offline replay)
 * answers as the first time without counting. An undo takes a counted scan back.
 */
@Injectable()
export class CheckInService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly port: CheckInPort,
    private readonly codes: CheckInCodes,
    private readonly scans: CheckInScansRepository,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    private readonly rooms: CheckInRooms,
    private readonly arrivals: RoomArrivalsRepository,
    private readonly doorStaff: DoorStaffService,
  ) {}

  async scan(dto: ScanDto, user: AuthUser, via: 'scan' | 'manual'): Promise<CheckInScanResult> {
    if (via === 'scan' && !dto.code)
      throw badRequest(msg('checkIn.codeRequired'), [{ field: 'code', message: msg('checkIn.codeRequired.field') }]);
    if (via === 'manual' && !dto.registrationId) {
      throw badRequest(msg('checkIn.registrationRequired'), [
        { field: 'registrationId', message: msg('checkIn.registrationRequired.field') },
      ]);
    }
    if (dto.agendaItemId && dto.spaceId) {
      throw badRequest(msg('checkIn.oneRoom'), [{ field: 'spaceId', message: msg('checkIn.oneRoom.field') }]);
    }
    // A door user works only at the doors of the dialogues they are assigned to (403 otherwise).
    if (dto.dialogueId) await this.doorStaff.assertAtDoor(dto.dialogueId, user);
    const scanId = dto.scanId ?? randomUUID();
    if (dto.scanId) {
      const prior = await this.scans.byId(scanId);
      if (prior) return this.replay(prior, dto, user);
    }
    const card = await this.open(dto);
    if (!dto.dialogueId) await this.doorStaff.assertAtDoor(card.dialogueId, user);
    const scope = await this.port.reach(card.id, user);
    if (dto.dialogueId && dto.dialogueId !== card.dialogueId) {
      throw domainRule('other-dialogue', msg('checkIn.otherDialogue'));
    }
    this.port.assertRule(card, scope);
    const room = dto.agendaItemId || dto.spaceId ? await this.rooms.resolve(card.dialogueId, dto, user) : null;
    const scannedAt = this.scanTime(dto.scannedAt);
    const counted = await inTransaction(this.dataSource, async (_m, afterCommit) => {
      const recorded = await this.scans.insert({
        id: scanId,
        registrationId: card.id,
        dialogueId: card.dialogueId,
        userId: user.id,
        scannedAt,
        counted: false,
        agendaItemId: room?.kind === 'agenda_item' ? room.id : null,
        spaceId: room?.kind === 'space' ? room.id : null,
      });
      if (!recorded) return null;
      const first = await this.port.markCheckedIn(card.id, scannedAt);
      if (first) {
        await this.scans.markCounted(scanId);
        await this.audit.record({
          actorUserId: user.id,
          action: 'registration.checked_in',
          entityType: 'registration',
          entityId: card.id,
          dialogueId: card.dialogueId,
          details: { via, scanId, offline: !!dto.scannedAt },
        });
        await this.events.record(
          'checkin.recorded',
          {
            data: {
              registrationId: card.id,
              dialogueId: card.dialogueId,
              scanId,
              checkedInAt: scannedAt.toISOString(),
              via,
            },
            personal: {
              title: card.title,
              firstName: card.firstName,
              lastName: card.lastName,
              organization: card.organization,
            },
          },
          afterCommit,
        );
      }
      const roomOutcome = room ? await this.enterRoom(room, card, scanId, scannedAt) : null;
      return { first, roomOutcome };
    });
    if (counted === null) {
      // The same scan id arrived twice at once: the other request recorded it.
      const prior = await this.scans.byId(scanId);
      if (prior) return this.replay(prior, dto, user);
      throw unknownCode();
    }
    // Counted: the check-in time is the scan's; already in: read the first one's.
    const after = counted.first ? { ...card, checkedInAt: scannedAt } : ((await this.port.card(card.id)) ?? card);
    return {
      scanId,
      registration: toPerson(after),
      alreadyCheckedIn: !counted.first,
      replayed: false,
      ...(room && counted.roomOutcome ? { room: roomAnswer(room, counted.roomOutcome) } : {}),
    };
  }

  /**
   * Room mode, in the scan's transaction: counted once per person and room; a person without a
   * confirmed seat in the room's space is a warning and is not counted there.
   */
  private async enterRoom(room: CheckInRoom, card: CheckInCard, scanId: string, at: Date): Promise<RoomOutcome> {
    const seated = !room.spaceId || card.spaces.some((s) => s.spaceId === room.spaceId && s.status === 'confirmed');
    const outcome: RoomOutcome = !seated
      ? 'not-registered'
      : (await this.arrivals.insert({
            registrationId: card.id,
            dialogueId: card.dialogueId,
            agendaItemId: room.kind === 'agenda_item' ? room.id : null,
            spaceId: room.kind === 'space' ? room.id : null,
            scanId,
            at,
          }))
        ? 'counted'
        : 'again';
    await this.scans.setRoomOutcome(scanId, outcome);
    return outcome;
  }

  /** Takes back the check-in a scan counted (a scan that counted nothing answers 422 nothing-to-undo). */
  async undo(scanId: string, user: AuthUser): Promise<CheckInUndoResult> {
    const scan = await this.scans.byId(scanId);
    if (!scan) throw notFound('Scan');
    await this.doorStaff.assertAtDoor(scan.dialogueId, user);
    await this.port.assertReach(scan.registrationId, user);
    if (!scan.counted && scan.roomOutcome !== 'counted')
      throw domainRule('nothing-to-undo', msg('checkIn.nothingToUndo'));
    await inTransaction(this.dataSource, async () => {
      const locked = await this.scans.byId(scanId, true);
      if (!locked || locked.undoneAt) return;
      await this.scans.markUndone(scanId);
      if (scan.roomOutcome === 'counted') await this.arrivals.removeByScan(scanId);
      if (scan.counted && (await this.port.clearCheckIn(scan.registrationId))) {
        await this.audit.record({
          actorUserId: user.id,
          action: 'registration.check_in_undone',
          entityType: 'registration',
          entityId: scan.registrationId,
          dialogueId: scan.dialogueId,
          details: { scanId },
        });
      }
    });
    const card = await this.port.card(scan.registrationId);
    if (!card) throw notFound('Registration');
    return { scanId, registration: toPerson(card) };
  }

  /** The registration a scan names: its current code, or (manual) its id; 404 for anything else. */
  private async open(dto: ScanDto): Promise<CheckInCard> {
    if (dto.code && this.codes.readDesk(dto.code)) {
      const card = await this.deskCard(dto.code, dto.dialogueId);
      if (!card) throw unknownCode();
      return card;
    }
    if (dto.code) {
      const id = this.codes.claimedRegistration(dto.code);
      const card = id ? await this.port.card(id) : null;
      if (!card || !(await this.codes.isCurrent(dto.code, card))) throw unknownCode();
      return card;
    }
    const card = await this.port.card(dto.registrationId ?? '');
    if (!card) throw notFound('Registration');
    return card;
  }

  /**
   * The registration a typed desk code names among the door's dialogue's (null: nobody). The
   * dialogue is required: a desk code is looked up only there.
   */
  private async deskCard(typed: string, dialogueId: string | undefined): Promise<CheckInCard | null> {
    const desk = this.codes.readDesk(typed);
    if (!desk) return null;
    if (!dialogueId) {
      throw badRequest(msg('checkIn.deskCodeNeedsDialogue'), [
        { field: 'dialogueId', message: msg('checkIn.deskCodeNeedsDialogue.field') },
      ]);
    }
    return this.codes.deskMatch(desk.code, await this.port.cardsInIdRange(dialogueId, desk.idFrom, desk.idTo));
  }

  /** A scan id received before: the same answer, nothing counted again. */
  private async replay(prior: ScanRow, dto: ScanDto, user: AuthUser): Promise<CheckInScanResult> {
    const claimed = !dto.code
      ? dto.registrationId
      : this.codes.readDesk(dto.code)
        ? (await this.deskCard(dto.code, dto.dialogueId ?? prior.dialogueId))?.id
        : this.codes.claimedRegistration(dto.code);
    if (claimed !== prior.registrationId) {
      throw conflict('scan-id-reused', msg('checkIn.scanIdReused'));
    }
    await this.doorStaff.assertAtDoor(prior.dialogueId, user);
    await this.port.assertReach(prior.registrationId, user);
    const card = await this.port.card(prior.registrationId);
    if (!card) throw unknownCode();
    const roomId = prior.agendaItemId ?? prior.spaceId;
    const room =
      roomId && prior.roomOutcome
        ? (await this.rooms.list(prior.dialogueId, user).catch(() => [])).find((r) => r.id === roomId)
        : undefined;
    return {
      scanId: prior.id,
      registration: toPerson(card),
      alreadyCheckedIn: !prior.counted,
      replayed: true,
      ...(room && prior.roomOutcome ? { room: roomAnswer(room, prior.roomOutcome) } : {}),
    };
  }

  /** An offline scan's time when believable (not in the future, not older than a week); else now. */
  private scanTime(scannedAt: string | undefined): Date {
    const now = Date.now();
    const t = scannedAt ? Date.parse(scannedAt) : NaN;
    return Number.isFinite(t) && t <= now && t >= now - OFFLINE_WINDOW_MS ? new Date(t) : new Date(now);
  }
}
