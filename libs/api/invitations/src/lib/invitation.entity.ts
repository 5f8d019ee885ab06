import type { InvitationStatus, Language, StakeholderGroup } from '@gfmd/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('invitations')
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) dialogueId: string;
  @Column({ type: 'text' }) email: string;
  @Column({ type: 'text' }) emailNormalized: string;
  @Column({ type: 'text', nullable: true }) name: string | null;
  @Column({ type: 'text', nullable: true }) stakeholderGroup: StakeholderGroup | null;
  @Column({ type: 'text', default: 'en' }) preferredLanguage: Language;
  @Column({ type: 'uuid', array: true, default: () => "'{}'" }) spaceIds: string[];
  @Column({ type: 'text', nullable: true }) message: string | null;
  /**
   * sha256 of the token of invitations mailed before links were minted at send time; null since
   * (the tokens of its emails are in `invitation_tokens`, see InvitationLinks).
   */
  @Column({ type: 'text', nullable: true }) tokenHash: string | null;
  @Column({ type: 'text', default: 'queued' }) status: InvitationStatus;
  @Column({ type: 'timestamptz', nullable: true }) sentAt: Date | null;
  @Column({ type: 'text', nullable: true }) lastError: string | null;
  /** How many times staff sent it again (at most INVITATION_RESENDS_MAX). */
  @Column({ type: 'int', default: 0 }) resends: number;
  @Column({ type: 'uuid', nullable: true }) registrationId: string | null;
  @Column({ type: 'uuid', nullable: true }) createdById: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
