import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { PageEvent } from '@angular/material/paginator';
import {
  WEBHOOK_EVENTS,
  type WebhookDelivery,
  type WebhookDeliveryStatus,
  type WebhookEvent,
  type WebhookSubscription,
} from '@gfmd/contracts';
import { WebhooksStore } from '@gfmd/web-admin-data-access';
import { EmptyStateComponent, LoadingStateComponent, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { ConfirmService } from '@gfmd/web-shared-ui/confirm';
import { PaginatedTableComponent } from '@gfmd/web-shared-ui/paginated-table';
import { applyProblemToForm } from '@gfmd/web-shared-util-http';
import { I18n, LocalDatePipe, type TranslationKey, TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { submitState } from '@gfmd/web-shared-util-state';

const STATUS_KEYS: Record<WebhookDeliveryStatus, TranslationKey> = {
  pending: 'webhooks.status.pending',
  sending: 'webhooks.status.sending',
  retrying: 'webhooks.status.retrying',
  delivered: 'webhooks.status.delivered',
  failed: 'webhooks.status.failed',
  cancelled: 'webhooks.status.cancelled',
};

/**
 * Admins: webhook subscriptions (docs/webhooks.md) — create (the secret shown once, with a copy
 * button), change the events, disable or enable, send a test, and the delivery log with replay.
 */
@Component({
  selector: 'gfmd-webhooks-page',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatError,
    MatHint,
    MatInput,
    MatCheckbox,
    MatButton,
    EmptyStateComponent,
    LoadingStateComponent,
    ProblemAlertComponent,
    PaginatedTableComponent,
    TranslatePipe,
    LocalDatePipe,
  ],
  providers: [WebhooksStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .hooks {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 24rem), 1fr));
      gap: 0.75rem;
    }
    .hook {
      border: 1px solid var(--gfmd-border);
      border-radius: 8px;
      padding: 0.75rem 1rem;
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      min-width: 0;
    }
    .hook--off {
      background: var(--gfmd-surface-alt);
    }
    .hook h2 {
      font-size: 1rem;
      margin: 0;
      overflow-wrap: anywhere;
      font-family: monospace;
    }
    .hook p {
      margin: 0;
    }
    .chips,
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      align-items: center;
    }
    .panel {
      border: 1px solid var(--gfmd-border);
      border-radius: 8px;
      padding: 1rem;
      margin-bottom: 1rem;
    }
    .panel h2 {
      margin-top: 0;
      font-size: 1.1rem;
    }
    .events {
      border: 0;
      padding: 0;
      margin: 0 0 1rem;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
    }
    .events legend {
      font-weight: 600;
      margin-bottom: 0.25rem;
    }
    .url {
      width: 100%;
    }
    .secret {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .secret code,
    td code {
      overflow-wrap: anywhere;
      font-size: 0.9rem;
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      text-align: start;
      padding: 0.4rem;
      border-bottom: 1px solid var(--gfmd-border);
      vertical-align: top;
    }
    .error-cell {
      overflow-wrap: anywhere;
      max-width: 20rem;
    }
    @media (max-width: 599px) {
      table,
      thead,
      tbody,
      tr,
      th,
      td {
        display: block;
      }
      thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
      }
      tr {
        border: 1px solid var(--gfmd-border);
        border-radius: 8px;
        margin-bottom: 0.5rem;
        padding: 0.25rem 0.5rem;
      }
      td {
        border: 0;
        max-width: none;
      }
      td::before {
        content: attr(data-label) ': ';
        font-weight: 600;
      }
    }
  `,
  template: `
    <h1>{{ 'title.webhooks' | t }}</h1>
    <p class="gfmd-muted">{{ 'webhooks.intro' | t }}</p>
    <p class="gfmd-visually-hidden" role="status" aria-live="polite">{{ notice() }}</p>

    @if (secret(); as s) {
      <section class="panel gfmd-alert gfmd-alert--warn" aria-labelledby="secret-title" data-testid="webhook-secret">
        <h2 id="secret-title" tabindex="-1">{{ 'webhooks.secretTitle' | t }}</h2>
        <p>{{ 'webhooks.secretOnce' | t }}</p>
        <div class="secret">
          <code>{{ s }}</code>
          <button mat-stroked-button type="button" (click)="copy(s)">{{ 'webhooks.copy' | t }}</button>
          <button mat-button type="button" (click)="secret.set(null)">{{ 'webhooks.secretDone' | t }}</button>
        </div>
      </section>
    }

    @if (editing(); as mode) {
      <section class="panel" aria-labelledby="form-title">
        <h2 id="form-title">{{ (mode === 'new' ? 'webhooks.create' : 'webhooks.edit') | t }}</h2>
        <gfmd-problem-alert [problem]="submit.problem()" [unmatched]="unmatched()" />
        <form [formGroup]="form" (ngSubmit)="save()" novalidate>
          <mat-form-field appearance="outline" class="url">
            <mat-label>{{ 'webhooks.url' | t }}</mat-label>
            <input matInput type="url" formControlName="url" autocomplete="off" required />
            <mat-hint>{{ 'webhooks.urlHint' | t }}</mat-hint>
            @if (form.controls.url.hasError('server')) {
              <mat-error>{{ form.controls.url.getError('server') }}</mat-error>
            } @else {
              <mat-error>{{ 'validation.required' | t }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline" class="url">
            <mat-label>{{ 'webhooks.description' | t }}</mat-label>
            <input matInput formControlName="description" autocomplete="off" maxlength="200" />
          </mat-form-field>
          <fieldset class="events">
            <legend>{{ 'webhooks.events' | t }}</legend>
            @for (e of events; track e) {
              <mat-checkbox [checked]="chosen().has(e)" (change)="toggle(e, $event.checked)">
                <code>{{ e }}</code>
              </mat-checkbox>
            }
          </fieldset>
          @if (eventsMissing()) {
            <p class="gfmd-alert gfmd-alert--error" role="alert">{{ 'webhooks.eventsRequired' | t }}</p>
          }
          <mat-checkbox formControlName="includePersonalData">{{ 'webhooks.personal' | t }}</mat-checkbox>
          <p class="gfmd-muted">{{ 'webhooks.personalHint' | t }}</p>
          <div class="gfmd-actions">
            <button mat-flat-button type="submit" [disabled]="submit.submitting()">
              {{ (mode === 'new' ? 'webhooks.createSubmit' : 'common.save') | t }}
            </button>
            <button mat-button type="button" (click)="editing.set(null)">{{ 'common.cancel' | t }}</button>
          </div>
        </form>
      </section>
    } @else {
      <div class="gfmd-actions">
        <button mat-flat-button type="button" (click)="openNew()">{{ 'webhooks.create' | t }}</button>
      </div>
    }

    <gfmd-problem-alert [problem]="store.problem()" [retryable]="!store.loaded()" (retry)="store.load()" />
    @if (store.loading() && !store.loaded()) {
      <gfmd-loading-state />
    } @else if (store.loaded()) {
      @if (store.subscriptions().length) {
        <ul class="hooks" [attr.aria-label]="'webhooks.list' | t">
          @for (s of store.subscriptions(); track s.id) {
            <li class="hook" [class.hook--off]="!s.active">
              <h2>{{ s.url }}</h2>
              @if (s.description) {
                <p>{{ s.description }}</p>
              }
              <div class="chips">
                @if (s.active) {
                  <span class="gfmd-chip gfmd-chip--ok">{{ 'webhooks.active' | t }}</span>
                } @else if (s.disabledReason === 'failures') {
                  <span class="gfmd-chip gfmd-chip--error">{{ 'webhooks.disabledFailures' | t }}</span>
                } @else {
                  <span class="gfmd-chip gfmd-chip--warn">{{ 'webhooks.disabled' | t }}</span>
                }
                @if (s.includePersonalData) {
                  <span class="gfmd-chip">{{ 'webhooks.personalChip' | t }}</span>
                }
                @if (s.consecutiveFailures) {
                  <span class="gfmd-chip gfmd-chip--warn">{{
                    'webhooks.failures' | t: { n: s.consecutiveFailures }
                  }}</span>
                }
              </div>
              <p class="gfmd-muted">
                @for (e of s.events; track e; let last = $last) {
                  <code>{{ e }}</code>{{ last ? '' : ', ' }}
                }
              </p>
              <div class="actions">
                <button mat-stroked-button type="button" (click)="test(s)" [disabled]="store.busy().has(s.id)">
                  {{ 'webhooks.test' | t }}<span class="gfmd-visually-hidden"> ({{ s.url }})</span>
                </button>
                <button mat-stroked-button type="button" (click)="store.open(s.id)">
                  {{ 'webhooks.log' | t }}<span class="gfmd-visually-hidden"> ({{ s.url }})</span>
                </button>
                <button mat-button type="button" (click)="openEdit(s)">
                  {{ 'webhooks.edit' | t }}<span class="gfmd-visually-hidden"> ({{ s.url }})</span>
                </button>
                @if (s.active) {
                  <button mat-button type="button" (click)="setActive(s, false)" [disabled]="store.busy().has(s.id)">
                    {{ 'webhooks.disable' | t }}<span class="gfmd-visually-hidden"> ({{ s.url }})</span>
                  </button>
                } @else {
                  <button mat-button type="button" (click)="setActive(s, true)" [disabled]="store.busy().has(s.id)">
                    {{ 'webhooks.enable' | t }}<span class="gfmd-visually-hidden"> ({{ s.url }})</span>
                  </button>
                }
                <button mat-button type="button" (click)="rotate(s)" [disabled]="store.busy().has(s.id)">
                  {{ 'webhooks.rotate' | t }}<span class="gfmd-visually-hidden"> ({{ s.url }})</span>
                </button>
                <button mat-button type="button" (click)="remove(s)" [disabled]="store.busy().has(s.id)">
                  {{ 'webhooks.delete' | t }}<span class="gfmd-visually-hidden"> ({{ s.url }})</span>
                </button>
              </div>
            </li>
          }
        </ul>
      } @else {
        <gfmd-empty-state [message]="'webhooks.empty' | t" />
      }
    }

    @if (store.openId() && store.log(); as log) {
      <section class="panel" aria-labelledby="log-title" data-testid="webhook-log">
        <h2 id="log-title">{{ 'webhooks.logTitle' | t: { url: openUrl() } }}</h2>
        <div class="gfmd-actions">
          <button mat-stroked-button type="button" (click)="store.refreshLog()">{{ 'webhooks.refresh' | t }}</button>
          <button mat-button type="button" (click)="store.close()">{{ 'webhooks.closeLog' | t }}</button>
        </div>
        @if (log.items.length) {
          <gfmd-paginated-table
            [total]="log.total"
            [pageIndex]="log.page - 1"
            [pageSize]="log.pageSize"
            [label]="'webhooks.pages' | t"
            (pageChange)="page($event)"
          >
            <table>
              <caption class="gfmd-visually-hidden">
                {{
                  'webhooks.logTitle' | t: { url: openUrl() }
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'webhooks.when' | t }}</th>
                  <th scope="col">{{ 'webhooks.event' | t }}</th>
                  <th scope="col">{{ 'webhooks.statusCol' | t }}</th>
                  <th scope="col">{{ 'webhooks.attempts' | t }}</th>
                  <th scope="col">{{ 'webhooks.response' | t }}</th>
                  <th scope="col">{{ 'webhooks.duration' | t }}</th>
                  <th scope="col">{{ 'webhooks.lastError' | t }}</th>
                  <th scope="col">
                    <span class="gfmd-visually-hidden">{{ 'webhooks.replay' | t }}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                @for (d of log.items; track d.id) {
                  <tr>
                    <td [attr.data-label]="'webhooks.when' | t">{{ d.createdAt | localDate: 'dateTime' }}</td>
                    <td [attr.data-label]="'webhooks.event' | t">
                      <code>{{ d.event }}</code>
                      @if (d.replayOf) {
                        <small class="gfmd-muted"> ({{ 'webhooks.replayed' | t }})</small>
                      }
                    </td>
                    <td [attr.data-label]="'webhooks.statusCol' | t">{{ statusLabel(d.status) }}</td>
                    <td [attr.data-label]="'webhooks.attempts' | t">{{ d.attempts }}</td>
                    <td [attr.data-label]="'webhooks.response' | t">{{ d.responseStatus ?? '—' }}</td>
                    <td [attr.data-label]="'webhooks.duration' | t">
                      {{ d.durationMs === null ? '—' : ('webhooks.ms' | t: { n: d.durationMs }) }}
                    </td>
                    <td class="error-cell" [attr.data-label]="'webhooks.lastError' | t">{{ d.lastError ?? '—' }}</td>
                    <td [attr.data-label]="'webhooks.replay' | t">
                      @if (d.status === 'delivered' || d.status === 'failed' || d.status === 'cancelled') {
                        <button mat-button type="button" (click)="replay(d)" [disabled]="store.busy().has(d.id)">
                          {{ 'webhooks.replay' | t }}
                        </button>
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </gfmd-paginated-table>
        } @else {
          <gfmd-empty-state [message]="'webhooks.logEmpty' | t" />
        }
      </section>
    }
  `,
})
export class WebhooksPage {
  protected readonly store = inject(WebhooksStore);
  private readonly confirm = inject(ConfirmService);
  private readonly i18n = inject(I18n);
  private readonly clipboard = inject(Clipboard);

  protected readonly events = WEBHOOK_EVENTS;
  /** 'new', the id of the subscription being edited, or null (no form). */
  protected readonly editing = signal<string | null>(null);
  protected readonly chosen = signal<ReadonlySet<WebhookEvent>>(new Set());
  protected readonly eventsMissing = signal(false);
  protected readonly secret = signal<string | null>(null);
  protected readonly submit = submitState();
  protected readonly unmatched = signal<string[]>([]);
  protected readonly notice = signal('');
  protected readonly form = inject(NonNullableFormBuilder).group({
    url: ['', Validators.required],
    description: [''],
    includePersonalData: [false],
  });

  constructor() {
    void this.store.load();
  }

  protected openUrl(): string {
    return this.store.subscriptions().find((s) => s.id === this.store.openId())?.url ?? '';
  }

  protected statusLabel(status: WebhookDeliveryStatus): string {
    return this.i18n.t(STATUS_KEYS[status]);
  }

  protected openNew(): void {
    this.form.reset({ url: 'https://', description: '', includePersonalData: false });
    this.chosen.set(new Set());
    this.prepareForm('new');
  }

  protected openEdit(s: WebhookSubscription): void {
    this.form.reset({ url: s.url, description: s.description ?? '', includePersonalData: s.includePersonalData });
    this.chosen.set(new Set(s.events));
    this.prepareForm(s.id);
  }

  protected toggle(event: WebhookEvent, on: boolean): void {
    this.chosen.update((set) => {
      const next = new Set(set);
      if (on) next.add(event);
      else next.delete(event);
      return next;
    });
    if (on) this.eventsMissing.set(false);
  }

  protected async save(): Promise<void> {
    this.submit.reset();
    const events = WEBHOOK_EVENTS.filter((e) => this.chosen().has(e));
    this.eventsMissing.set(!events.length);
    if (this.form.invalid || !events.length) {
      this.form.markAllAsTouched();
      return;
    }
    const { url, description, includePersonalData } = this.form.getRawValue();
    const body = { url: url.trim(), description: description.trim() || null, events, includePersonalData };
    const mode = this.editing();
    if (mode === 'new') {
      const outcome = await this.submit.run(() => this.store.create(body));
      if (!outcome.ok) return void this.unmatched.set(applyProblemToForm(this.form, outcome.problem));
      this.editing.set(null);
      this.secret.set(outcome.value.secret);
      this.say(this.i18n.t('webhooks.created'));
    } else if (mode) {
      const outcome = await this.submit.run(() => this.store.update(mode, body));
      if (!outcome.ok) return void this.unmatched.set(applyProblemToForm(this.form, outcome.problem));
      this.editing.set(null);
      this.say(this.i18n.t('webhooks.saved'));
    }
  }

  protected copy(secret: string): void {
    if (this.clipboard.copy(secret)) this.say(this.i18n.t('webhooks.copied'));
  }

  protected async test(s: WebhookSubscription): Promise<void> {
    if (await this.store.sendTest(s)) this.say(this.i18n.t('webhooks.testSent'));
  }

  protected async setActive(s: WebhookSubscription, active: boolean): Promise<void> {
    if (await this.store.setActive(s, active))
      this.say(this.i18n.t(active ? 'webhooks.enabled' : 'webhooks.disabledNotice'));
  }

  protected async rotate(s: WebhookSubscription): Promise<void> {
    const ok = await this.confirm.ask({
      title: this.i18n.t('webhooks.rotateTitle'),
      message: this.i18n.t('webhooks.rotateMessage', { url: s.url }),
      confirm: this.i18n.t('webhooks.rotate'),
      cancel: this.i18n.t('common.cancel'),
      destructive: true,
    });
    if (!ok) return;
    const secret = await this.store.rotate(s);
    if (secret) this.secret.set(secret);
  }

  protected async remove(s: WebhookSubscription): Promise<void> {
    const ok = await this.confirm.ask({
      title: this.i18n.t('webhooks.deleteTitle'),
      message: this.i18n.t('webhooks.deleteMessage', { url: s.url }),
      confirm: this.i18n.t('webhooks.delete'),
      cancel: this.i18n.t('common.cancel'),
      destructive: true,
    });
    if (ok && (await this.store.remove(s))) this.say(this.i18n.t('webhooks.deleted'));
  }

  protected async replay(d: WebhookDelivery): Promise<void> {
    if (await this.store.replay(d)) this.say(this.i18n.t('webhooks.replaySent'));
  }

  protected page(event: PageEvent): void {
    const id = this.store.openId();
    if (id) void this.store.open(id, event.pageIndex + 1, event.pageSize);
  }

  private prepareForm(mode: string): void {
    this.submit.reset();
    this.unmatched.set([]);
    this.eventsMissing.set(false);
    this.editing.set(mode);
  }

  private say(message: string): void {
    this.notice.set(message);
  }
}
