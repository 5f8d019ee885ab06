/**
 * What the invitations domain needs of spaces: which of the spaces an invitation names belong to
 * its dialogue. The spaces domain owns the `spaces` table and implements this port
 * (`SpacesService.spaceIdsInDialogue`, wired in InvitationsModule); invitations read no SQL of it.
 */
export interface InvitationSpaces {
  spaceIdsInDialogue(dialogueId: string, ids: string[]): Promise<string[]>;
}

/** Injection token of the `InvitationSpaces` port. */
export const INVITATION_SPACES = Symbol('InvitationSpaces');
