import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@gfmd/api-auth';
import { AgendaService } from '@gfmd/api-agenda';
import { DialoguesService, PUBLIC_STATUSES } from '@gfmd/api-dialogues';
import { OutcomeDraftingService } from '@gfmd/api-outcomes';
import { notFound, ProblemException, msg } from '@gfmd/api-platform';
import { ACTIVE_STATUSES, ManageLinks } from '@gfmd/api-registrations';
import { SpacesService } from '@gfmd/api-spaces';
import type { DocumentOwnerType, DocumentVisibility } from '@gfmd/contracts';
import type { DocumentRecord } from './documents.repository';

/** Where a document hangs: its dialogue and, for a space or an agenda item inside one, that space. */
export interface DocumentOwner {
  dialogueId: string;
  spaceId: string | null;
}

/** What one viewer manages in one dialogue. */
export interface StaffScope {
  all: boolean;
  spaceIds: Set<string>;
  rapporteur: boolean;
}

type ManagedThing = Pick<DocumentRecord, 'ownerType' | 'dialogueId' | 'spaceId'>;

export const manages = (scope: StaffScope, doc: ManagedThing): boolean =>
  scope.all || (!!doc.spaceId && scope.spaceIds.has(doc.spaceId)) || (doc.ownerType === 'outcome' && scope.rapporteur);

const isOrganizer = (user: AuthUser | undefined) => user?.role === 'admin' || user?.role === 'organizer';

/** What a registrant (through a manage link) reads. */
export const REGISTRANT_VISIBILITIES: DocumentVisibility[] = ['public', 'registrants'];

/**
 * Who may do what with documents (docs/documents.md, "Who sees what"):
 * - organizers and admins: everything;
 * - coordinators: the documents of the spaces they coordinate (and of agenda items inside them);
 * - rapporteurs: the documents of their dialogue's outcome;
 * - other staff and anonymous visitors: public documents of a public dialogue;
 * - a registrant (active registration, through the manage link): public and registrants'
 *   documents of their own dialogue.
 * A document one may not read is answered 404, as an unknown one is (no probing of ids).
 */
@Injectable()
export class DocumentAccess {
  constructor(
    private readonly dialogues: DialoguesService,
    private readonly spaces: SpacesService,
    private readonly agenda: AgendaService,
    private readonly outcomes: OutcomeDraftingService,
    private readonly links: ManageLinks,
  ) {}

  /** The owner named by an upload, 422 when there is no such thing (nothing is stored then). */
  async resolveOwner(ownerType: DocumentOwnerType, ownerId: string, user: AuthUser): Promise<DocumentOwner> {
    const unknown = () =>
      new ProblemException(
        422,
        'unknown-owner',
        msg('documents.unknownOwner', { owner: ownerType.replace('_', ' '), id: ownerId }),
        [{ field: 'ownerId', message: msg('documents.unknownOwner.field', { owner: ownerType }) }],
      );
    switch (ownerType) {
      case 'dialogue':
      case 'outcome': {
        const d = await this.dialogues.findRecord(ownerId).catch(() => null);
        if (!d) throw unknown();
        return { dialogueId: d.id, spaceId: null };
      }
      case 'space': {
        const s = await this.spaces.findRecord(ownerId);
        if (!s) throw unknown();
        return { dialogueId: s.dialogueId, spaceId: s.id };
      }
      case 'agenda_item': {
        const item = await this.agenda.getItem(ownerId, user).catch(() => null);
        if (!item) throw unknown();
        return { dialogueId: item.dialogueId, spaceId: item.spaceId ?? null };
      }
    }
  }

  /** What a viewer manages in one dialogue's documents (computed once for a list). */
  async scope(user: AuthUser | undefined, dialogueId: string): Promise<StaffScope> {
    if (!user) return { all: false, spaceIds: new Set(), rapporteur: false };
    if (isOrganizer(user)) return { all: true, spaceIds: new Set(), rapporteur: false };
    const [spaceIds, rapporteurs] = await Promise.all([
      this.spaces.spaceIdsCoordinatedBy(user.id, dialogueId),
      this.outcomes.rapporteurUserIds(dialogueId),
    ]);
    return { all: false, spaceIds: new Set(spaceIds), rapporteur: rapporteurs.includes(user.id) };
  }

  /** Whether a staff user manages (uploads, deletes, reads whatever the visibility) documents of this owner. */
  async canManage(user: AuthUser | undefined, doc: ManagedThing): Promise<boolean> {
    return manages(await this.scope(user, doc.dialogueId), doc);
  }

  /** Whether a viewer (staff or anonymous) may read this document. */
  async canRead(user: AuthUser | undefined, doc: DocumentRecord): Promise<boolean> {
    if (await this.canManage(user, doc)) return true;
    return doc.visibility === 'public' && (await this.dialogueIsPublic(doc.dialogueId));
  }

  async dialogueIsPublic(dialogueId: string): Promise<boolean> {
    const d = await this.dialogues.findRecord(dialogueId).catch(() => null);
    return !!d && PUBLIC_STATUSES.includes(d.status);
  }

  /** The dialogue a manage token's active registration belongs to; 404 for an unknown, revoked or inactive one. */
  async registrantDialogue(token: string): Promise<string> {
    const reg = await this.links.resolve(token);
    if (!reg || !ACTIVE_STATUSES.includes(reg.status)) throw notFound('Registration');
    return reg.dialogueId;
  }
}
