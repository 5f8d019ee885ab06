import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { DOCUMENT } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatInput, MatLabel } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import type { CheckInPerson, CheckInScanResult, Dialogue, DialogueAttendance, ProblemDetails } from '@gfmd/contracts';
import {
  I18nTitleStrategy,
  LabelPipe,
  LocalDatePipe,
  TranslatePipe,
  type TranslationKey,
} from '@gfmd/web-shared-util-i18n';
import { toProblem } from '@gfmd/web-shared-util-http';
import { backoffPoll, loadResource } from '@gfmd/web-shared-util-state';
import { AuthStore } from '@gfmd/web-auth-data-access';
import { CheckInApi } from './check-in.api';
import { BarcodeCamera } from './barcode-camera';
import { OfflineScans, type PendingScan } from './offline-scans';

/** What the door shows after a scan: green (in), amber (already in), red (refused), blue (kept offline). */
export type DoorResult =
  | {
      kind: 'in' | 'again';
      person: CheckInPerson;
      scanId: string;
      replayed: boolean;
      room?: NonNullable<CheckInScanResult['room']>;
    }
  | { kind: 'undone'; person: CheckInPerson }
  | { kind: 'refused'; message: TranslationKey; detail?: string }
  | { kind: 'queued' };

/** The refusal a problem means at the door. */
export function refusalOf(problem: ProblemDetails): TranslationKey {
  const slug = problem.type.split('/').pop();
  if (slug === 'other-dialogue') return 'door.refusedOtherDialogue';
  if (slug === 'not-confirmed') return 'door.refusedNotConfirmed';
  if (problem.status === 404) return 'door.refusedUnknown';
  if (problem.status === 403) return 'door.refusedForbidden';
  return 'door.refusedOther';
}

/**
 * Green or amber for an answer: in room mode, what the scan did in that room (amber: already
 * scanned in there, or no seat in the room's space); otherwise whether it checked the person in.
 */
export function verdictOf(answer: CheckInScanResult): 'in' | 'again' {
  if (answer.room) return answer.room.outcome === 'counted' ? 'in' : 'again';
  return answer.alreadyCheckedIn ? 'again' : 'in';
}

/** A room choice as the URL carries it (`?room=space:<id>` or `?room=agenda_item:<id>`). */
export function roomOf(value: string | undefined): { agendaItemId?: string; spaceId?: string } {
  const [kind, id] = (value ?? '').split(':');
  if (!id) return {};
  if (kind === 'space') return { spaceId: id };
  if (kind === 'agenda_item') return { agendaItemId: id };
  return {};
}

/**
 * Door mode (phone first): scan a badge's QR with the camera (BarcodeDetector where the browser
 * has one), or type its code, or find the person by name; the answer shows at once in colour AND
 * words, with name, group and spaces; a second scan or a wrong dialogue is a clear warning; the
 * last check-in can be undone. Scans made offline wait on the device (OfflineScans) and are sent
 * when the network returns, never counted twice.
 */
@Component({
  selector: 'gfmd-door-page',
  imports: [
    FormsModule,
    RouterLink,
    MatButton,
    MatFormField,
    MatInput,
    MatLabel,
    MatSelect,
    MatOption,
    TranslatePipe,
    LabelPipe,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './door.page.html',
  styleUrl: './door.page.scss',
})
export class DoorPage {
  private readonly api = inject(CheckInApi);
  private readonly titles = inject(I18nTitleStrategy);
  private readonly document = inject(DOCUMENT);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthStore);
  private readonly queue = new OfflineScans(this.document.defaultView?.localStorage ?? memoryStorage());

  /** the route's :id (none: choose a dialogue) */
  readonly id = input<string>();
  /** the query's ?room= (room mode: `space:<id>` or `agenda_item:<id>`; none: the dialogue's entrance) */
  readonly room = input<string>();

  protected readonly dialogue = signal<Dialogue | null>(null);
  protected readonly dialogues = signal<Dialogue[] | null>(null);
  protected readonly loadProblem = signal<ProblemDetails | null>(null);
  /** A door user opened a dialogue they are not assigned to. */
  protected readonly notAssigned = signal(false);
  /** A door user: they may open only the dialogues assigned to them. */
  protected readonly isDoorUser = computed(() => this.auth.role() === 'door');
  protected readonly result = signal<DoorResult | null>(null);
  protected readonly busy = signal(false);
  protected readonly pending = signal(0);
  protected readonly code = signal('');
  protected readonly query = signal('');
  protected readonly found = signal<CheckInPerson[] | null>(null);
  protected readonly camera = new BarcodeCamera((value) => void this.submit({ code: value }));
  private readonly video = viewChild<ElementRef<HTMLVideoElement>>('video');

  protected readonly counts = backoffPoll<DialogueAttendance | null>({
    load: () => {
      const id = this.id();
      return id ? this.api.attendance(id) : Promise.resolve(null);
    },
    done: () => false,
    initialMs: 5000,
    maxMs: 30_000,
  });
  /** The rooms the door can scan at, and the chosen one with its counts. */
  protected readonly rooms = computed(() => this.counts.value()?.byRoom ?? []);
  protected readonly chosenRoom = computed(() => {
    const ref = roomOf(this.room());
    const id = ref.agendaItemId ?? ref.spaceId;
    return id ? (this.rooms().find((r) => r.id === id) ?? null) : null;
  });
  protected readonly notRegisteredHere = computed(() => {
    const r = this.result();
    return r?.kind === 'again' && r.room?.outcome === 'not-registered';
  });
  protected readonly resultClass = computed(() => {
    const r = this.result();
    return r ? `result result--${r.kind}` : 'result';
  });

  constructor() {
    loadResource(this.id, (id) => this.open(id));
    this.pending.set(this.queue.all().length);
    const win = this.document.defaultView;
    const online = () => void this.replay();
    win?.addEventListener('online', online);
    const timer = setInterval(() => void (this.pending() ? this.replay() : undefined), 20_000);
    inject(DestroyRef).onDestroy(() => {
      win?.removeEventListener('online', online);
      clearInterval(timer);
      this.camera.stop();
    });
  }

  private async open(id: string | undefined): Promise<void> {
    this.result.set(null);
    this.loadProblem.set(null);
    this.notAssigned.set(false);
    try {
      // A door user works only at the doors of the dialogues an organizer assigned them to.
      const assigned = this.isDoorUser() ? (await this.api.doorDialogues()).dialogueIds : null;
      if (!id) {
        this.dialogue.set(null);
        const page = await this.api.dialogues();
        this.dialogues.set(
          page.items.filter(
            (d) =>
              (d.status === 'published' || d.status === 'registration_closed') &&
              (!assigned || assigned.includes(d.id)),
          ),
        );
        return;
      }
      if (assigned && !assigned.includes(id)) {
        this.dialogue.set(null);
        this.dialogues.set(null);
        this.notAssigned.set(true);
        return;
      }
      const d = await this.api.dialogue(id);
      this.dialogue.set(d);
      this.titles.setDynamic(d.title);
      this.counts.start();
      void this.replay();
    } catch (error) {
      this.loadProblem.set(toProblem(error));
    }
  }

  protected chooseRoom(value: string): void {
    void this.router.navigate([], {
      queryParams: { room: value || null },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
    this.result.set(null);
  }

  protected async startCamera(): Promise<void> {
    const video = this.video()?.nativeElement;
    if (video) await this.camera.start(video);
  }

  protected submitCode(): void {
    const code = this.code().trim();
    if (!code) return;
    this.code.set('');
    void this.submit({ code });
  }

  protected async search(): Promise<void> {
    const q = this.query().trim();
    const id = this.id();
    if (q.length < 2 || !id) return;
    try {
      this.found.set((await this.api.search(id, q)).items);
    } catch (error) {
      this.result.set({ kind: 'refused', message: refusalOf(toProblem(error)) });
    }
  }

  protected checkInPerson(person: CheckInPerson): void {
    void this.submit({ registrationId: person.id });
  }

  /** Sends one scan now; kept on the device when the API cannot be reached. */
  protected async submit(what: { code?: string; registrationId?: string }): Promise<void> {
    const dialogueId = this.id();
    if (!dialogueId) return;
    const scan: PendingScan = {
      ...what,
      ...roomOf(this.room()),
      dialogueId,
      scanId: crypto.randomUUID(),
      scannedAt: new Date().toISOString(),
    };
    this.busy.set(true);
    try {
      const answer = await this.api.scan(scan);
      const kind = verdictOf(answer);
      this.result.set({
        kind,
        person: answer.registration,
        scanId: answer.scanId,
        replayed: answer.replayed,
        room: answer.room,
      });
      navigator.vibrate?.(kind === 'again' ? [80, 60, 80] : 60);
      this.counts.start();
      this.found.set(null);
    } catch (error) {
      const problem = toProblem(error);
      if (problem.status === 0) {
        this.queue.add(scan);
        this.pending.set(this.queue.all().length);
        this.result.set({ kind: 'queued' });
      } else {
        const notHere = problem.status === 403 && this.isDoorUser();
        this.result.set({
          kind: 'refused',
          message: notHere ? 'door.refusedNotAssigned' : refusalOf(problem),
          detail: problem.detail,
        });
        navigator.vibrate?.([200, 100, 200]);
      }
    } finally {
      this.busy.set(false);
    }
  }

  protected async undo(scanId: string): Promise<void> {
    try {
      const answer = await this.api.undo(scanId);
      this.result.set({ kind: 'undone', person: answer.registration });
      this.counts.start();
    } catch (error) {
      this.result.set({ kind: 'refused', message: refusalOf(toProblem(error)) });
    }
  }

  /** Sends the scans kept offline, in order; each is counted at most once (its scan id). */
  protected async replay(): Promise<void> {
    if (!this.queue.all().length) return;
    await this.queue.replay(async (scan) => {
      try {
        await this.api.scan(scan);
        return 'answered';
      } catch (error) {
        return toProblem(error).status === 0 ? 'offline' : 'answered';
      }
    });
    this.pending.set(this.queue.all().length);
    this.counts.start();
  }
}

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}
