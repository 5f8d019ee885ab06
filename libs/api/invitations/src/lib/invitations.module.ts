import { Module } from '@nestjs/common';

/** Invitations: filled in by its issue's work. */
@Module({})
export class InvitationsModule {}
