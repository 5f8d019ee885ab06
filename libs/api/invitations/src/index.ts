export * from './lib/create-invitations.dto';
export * from './lib/invitation.entity';
export * from './lib/invitations.module';
export * from './lib/invitations.repository';
export * from './lib/invitation-spaces';
export * from './lib/invitations.service';
export * from './lib/registration-invitations';
