import { Global, Module } from '@nestjs/common';
import { AgendaModule } from '@gfmd/api-agenda';
import { DelegationsCoreModule } from '@gfmd/api-delegations';
import { DialoguesModule } from '@gfmd/api-dialogues';
import { SpacesModule } from '@gfmd/api-spaces';
import { CheckInCodeSource, RegistrationsModule } from '@gfmd/api-registrations';
import { AttendanceService } from './attendance.service';
import { BadgesService } from './badges.service';
import { CertificatesService } from './certificates.service';
import { CheckInCodeReissue, CheckInCodes } from './check-in-codes.service';
import { CheckInCodesRepository } from './check-in-codes.repository';
import { BadgesController, CheckInController, DoorStaffController } from './check-in.controller';
import { CheckInScansRepository } from './check-in-scans.repository';
import { CheckInService } from './check-in.service';
import { CheckInRooms } from './check-in-rooms.service';
import { RoomArrivalsRepository } from './room-arrivals.repository';
import { DoorAssignmentsRepository } from './door-assignments.repository';
import { DoorStaffService } from './door-staff.service';

/**
 * Signed check-in codes, for every module that shows them (the manage view, through
 * CheckInCodeSource; the API and the worker import this once).
 */
@Global()
@Module({
  providers: [CheckInCodesRepository, CheckInCodes, { provide: CheckInCodeSource, useExisting: CheckInCodes }],
  exports: [CheckInCodesRepository, CheckInCodes, CheckInCodeSource],
})
export class CheckInCodesModule {}

/** On the day: badges, scans at the door, attendance, certificates (docs/check-in.md). */
@Module({
  imports: [
    CheckInCodesModule,
    RegistrationsModule,
    DialoguesModule,
    SpacesModule,
    AgendaModule,
    DelegationsCoreModule,
  ],
  controllers: [CheckInController, BadgesController, DoorStaffController],
  providers: [
    CheckInScansRepository,
    RoomArrivalsRepository,
    DoorAssignmentsRepository,
    DoorStaffService,
    CheckInRooms,
    CheckInService,
    CheckInCodeReissue,
    AttendanceService,
    BadgesService,
    CertificatesService,
  ],
})
export class CheckInModule {}
