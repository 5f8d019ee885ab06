import type { RegistrationStatus } from '@gfmd/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A registration's seat request in one space, with its own status. */
@Entity('registration_spaces')
export class RegistrationSpaceEntity {
  @PrimaryColumn({ type: 'uuid' }) registrationId: string;
  @PrimaryColumn({ type: 'uuid' }) spaceId: string;
  @Column({ type: 'uuid' }) dialogueId: string;
  @Column({ type: 'text' }) status: RegistrationStatus;
  /** Order of the request for this space: its waiting list is served in this order. */
  @Column({ type: 'bigint', insert: false, update: false }) arrival: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
