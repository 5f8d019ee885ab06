import type { Language, RegistrationStatus, StakeholderGroup } from '@gfmd/contracts';
import { Column, CreateDateColumn, Entity, Generated, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('registrations')
export class RegistrationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) dialogueId: string;
  /** Strict arrival order for the waiting list. */
  @Column({ type: 'bigint' }) @Generated('increment') arrival: string;
  @Column({ type: 'text' }) email: string;
  /** lower(trim(email)); unique per dialogue among active registrations. */
  @Column({ type: 'text' }) emailNormalized: string;
  @Column({ type: 'text', nullable: true }) title: string | null;
  @Column({ type: 'text' }) firstName: string;
  @Column({ type: 'text' }) lastName: string;
  @Column({ type: 'text' }) organization: string;
  @Column({ type: 'text', nullable: true }) jobTitle: string | null;
  @Column({ type: 'text' }) stakeholderGroup: StakeholderGroup;
  @Column({ type: 'char', length: 2 }) country: string;
  @Column({ type: 'text', default: 'en' }) preferredLanguage: Language;
  @Column({ type: 'text', nullable: true }) accessibilityNeeds: string | null;
  @Column({ type: 'timestamptz', nullable: true }) consentAt: Date | null;
  @Column({ type: 'text' }) status: RegistrationStatus;
  /**
   * sha256 of the first manage-link token of registrations made before links were minted at send
   * time; null since (every token's hash is in `registration_manage_tokens`, see ManageLinks).
   */
  @Column({ type: 'text', nullable: true }) manageTokenHash: string | null;
  /** When its manage links stopped working (cancelled through a link, erased); null while they work. */
  @Column({ type: 'timestamptz', nullable: true }) manageRevokedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) invitationId: string | null;
  /** When the address was shown to be the registrant's (docs/decisions.md, "Sending limits"). */
  @Column({ type: 'timestamptz', nullable: true }) emailConfirmedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) checkedInAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) erasedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
