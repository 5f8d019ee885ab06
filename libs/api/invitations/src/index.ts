export * from './lib/invitation.entity';
export * from './lib/invitations.module';
