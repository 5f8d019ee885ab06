import { Injectable } from '@nestjs/common';

/**
 * The personal link an email carries, named by reference on its outbox row (`params.links`):
 * `manage` — a manage link of the row's registration; `invitation` — the register and decline
 * links of the row's invitation; `staff` — the set-password link of a staff invitation or
 * password reset (`params.linkId`, auth); `delegation` — a focal point's link to their delegation
 * (`params.linkId`, delegations); `contribution` — the address check of a written contribution
 * (`params.linkId`, documents); `subscription` — the confirm and unsubscribe links of a synthesis
 * subscriber (`params.linkId`, syntheses). The row never holds the link itself.
 */
export type LinkRef = 'manage' | 'invitation' | 'staff' | 'delegation' | 'contribution' | 'subscription';

/** What a minted link adds to an email's template parameters (never stored). */
export interface MintedLinks {
  manageUrl?: string;
  /**
   * PUBLIC_URL/api/v1/registrations/manage/<token>/documents (with a manage link): the base of the
   * links to the registrants' documents an email lists, which open without signing in.
   */
  manageDocumentsUrl?: string;
  registerUrl?: string;
  declineUrl?: string;
  /** The one-click target of List-Unsubscribe (the API's POST); the email body links to declineUrl. */
  unsubscribeUrl?: string;
  passwordUrl?: string;
  /** PUBLIC_URL/delegations/<token>: the focal point's page. */
  delegationUrl?: string;
  /** The address check of a written contribution, or a synthesis subscriber's confirmation page (web). */
  confirmUrl?: string;
  /** A synthesis subscriber's unsubscribe page (web); List-Unsubscribe goes to unsubscribeUrl. */
  leaveUrl?: string;
}

/**
 * Makes fresh links for some registrations or invitations (`ids`), in the caller's transaction
 * (the current one of the async context),
 * storing only the hashes of their tokens; an id whose link may no longer be given (registration
 * ended, invitation used or declined, person erased) is absent from the answer.
 */
export type LinkMinter = (ids: string[]) => Promise<Map<string, MintedLinks>>;

/**
 * Lets the domains that own the tokens (registrations, invitations) mint the links of an email
 * when the worker sends it, without the mail domain depending on them: a token exists in clear
 * only while its email is rendered and sent.
 */
@Injectable()
export class MailLinkHooks {
  private readonly minters = new Map<LinkRef, LinkMinter>();

  onMint(ref: LinkRef, minter: LinkMinter) {
    this.minters.set(ref, minter);
  }

  /** Mints every requested link, grouped by kind; refs without a minter mint nothing. */
  async mint(requests: { ref: LinkRef; id: string }[]): Promise<Map<string, MintedLinks>> {
    const out = new Map<string, MintedLinks>();
    const byRef = new Map<LinkRef, Set<string>>();
    for (const r of requests) byRef.set(r.ref, (byRef.get(r.ref) ?? new Set()).add(r.id));
    for (const [ref, ids] of byRef) {
      const minter = this.minters.get(ref);
      if (!minter) continue;
      for (const [id, links] of await minter([...ids])) out.set(`${ref}:${id}`, links);
    }
    return out;
  }
}
