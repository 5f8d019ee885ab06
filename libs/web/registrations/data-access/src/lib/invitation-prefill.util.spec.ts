import { invitationPrefillValues } from './invitation-prefill.util';

describe('invitationPrefillValues', () => {
  const invitation = {
    dialogueId: 'd1',
    email: 'ana@example.org',
    name: 'Ana  María Pérez',
    stakeholderGroup: 'civil_society' as const,
    preferredLanguage: 'es' as const,
  };

  it('gives the email, the name split at its first space, the group and the language', () => {
    expect(invitationPrefillValues(invitation)).toEqual({
      email: 'ana@example.org',
      firstName: 'Ana',
      lastName: 'María Pérez',
      stakeholderGroup: 'civil_society',
      preferredLanguage: 'es',
    });
  });

  it('leaves out what the invitation does not hold', () => {
    expect(invitationPrefillValues({ ...invitation, name: null, stakeholderGroup: null })).toEqual({
      email: 'ana@example.org',
      preferredLanguage: 'es',
    });
    expect(invitationPrefillValues({ ...invitation, name: 'Madonna' })).toMatchObject({ firstName: 'Madonna' });
    expect(invitationPrefillValues({ ...invitation, name: 'Madonna' })).not.toHaveProperty('lastName');
  });
});
