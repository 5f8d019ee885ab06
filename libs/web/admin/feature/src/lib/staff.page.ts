import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { LANGUAGES, type Language, ROLES, type Role, type User } from '@gfmd/contracts';
import { StaffAdminStore } from '@gfmd/web-admin-data-access';
import { AuthStore } from '@gfmd/web-auth-data-access';
import { EmptyStateComponent, LoadingStateComponent, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { ConfirmService } from '@gfmd/web-shared-ui/confirm';
import { applyProblemToForm } from '@gfmd/web-shared-util-http';
import { I18n, LabelPipe, TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { submitState } from '@gfmd/web-shared-util-state';

/** Admins: the staff accounts — invite, change role, deactivate (confirmed), send a reset link. */
@Component({
  selector: 'gfmd-staff-page',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    EmptyStateComponent,
    LoadingStateComponent,
    ProblemAlertComponent,
    TranslatePipe,
    LabelPipe,
  ],
  providers: [StaffAdminStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .staff-list {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
      gap: 0.75rem;
    }
    .staff-card {
      border: 1px solid var(--gfmd-border);
      border-radius: 8px;
      padding: 0.75rem 1rem;
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      min-width: 0;
    }
    .staff-card--inactive {
      background: var(--gfmd-surface-alt);
    }
    .staff-card h2 {
      font-size: 1.05rem;
      margin: 0;
      overflow-wrap: anywhere;
    }
    .staff-card__email {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .staff-card__chips {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
    }
    .staff-card__actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      align-items: center;
    }
    .staff-card mat-form-field {
      width: 100%;
    }
    .invite {
      border: 1px solid var(--gfmd-border);
      border-radius: 8px;
      padding: 1rem;
      margin-bottom: 1rem;
    }
    .invite h2 {
      margin-top: 0;
      font-size: 1.1rem;
    }
  `,
  template: `
    <h1>{{ 'title.staff' | t }}</h1>
    <p class="gfmd-muted">{{ 'staff.intro' | t }}</p>
    <p class="gfmd-visually-hidden" role="status" aria-live="polite">{{ announce() }}</p>

    @if (inviting()) {
      <section class="invite" aria-labelledby="invite-title">
        <h2 id="invite-title">{{ 'staff.invite' | t }}</h2>
        <gfmd-problem-alert [problem]="invite.problem()" [unmatched]="unmatched()" />
        <form [formGroup]="form" (ngSubmit)="sendInvitation()" novalidate>
          <div class="gfmd-form-grid">
            <mat-form-field appearance="outline">
              <mat-label>{{ 'common.name' | t }}</mat-label>
              <input matInput formControlName="name" autocomplete="off" required />
              @if (form.controls.name.hasError('server')) {
                <mat-error>{{ form.controls.name.getError('server') }}</mat-error>
              } @else {
                <mat-error>{{ 'validation.required' | t }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'common.email' | t }}</mat-label>
              <input matInput type="email" formControlName="email" autocomplete="off" required />
              @if (form.controls.email.hasError('server')) {
                <mat-error>{{ form.controls.email.getError('server') }}</mat-error>
              } @else if (form.controls.email.hasError('email')) {
                <mat-error>{{ 'validation.email' | t }}</mat-error>
              } @else {
                <mat-error>{{ 'validation.required' | t }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'staff.role' | t }}</mat-label>
              <mat-select formControlName="role">
                @for (r of roles; track r) {
                  <mat-option [value]="r">{{ r | label: 'role' }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'staff.language' | t }}</mat-label>
              <mat-select formControlName="language">
                @for (l of languages; track l) {
                  <mat-option [value]="l">{{ l.toUpperCase() }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
          </div>
          <div class="gfmd-actions">
            <button mat-flat-button type="submit" [disabled]="invite.submitting()">
              {{ 'staff.inviteSubmit' | t }}
            </button>
            <button mat-button type="button" (click)="inviting.set(false)">{{ 'common.cancel' | t }}</button>
          </div>
        </form>
      </section>
    } @else {
      <div class="gfmd-actions">
        <button mat-flat-button type="button" (click)="openInvite()">{{ 'staff.invite' | t }}</button>
      </div>
    }
    @if (notice()) {
      <p class="gfmd-alert gfmd-alert--ok">{{ notice() }}</p>
    }

    <gfmd-problem-alert [problem]="store.problem()" [retryable]="!store.loaded()" (retry)="store.load()" />
    @if (store.loading() && !store.loaded()) {
      <gfmd-loading-state />
    } @else if (store.loaded()) {
      @if (store.users().length) {
        <ul class="staff-list" [attr.aria-label]="'staff.list' | t">
          @for (u of store.users(); track u) {
            <li class="staff-card" [class.staff-card--inactive]="u.active === false">
              <h2>
                {{ u.name }}
                @if (u.id === me()) {
                  <small class="gfmd-muted">({{ 'staff.you' | t }})</small>
                }
              </h2>
              <p class="staff-card__email">{{ u.email }}</p>
              <div class="staff-card__chips">
                <span class="gfmd-chip">{{ u.role | label: 'role' }}</span>
                @if (u.active === false) {
                  <span class="gfmd-chip gfmd-chip--error">{{ 'staff.inactive' | t }}</span>
                } @else if (u.invitationPending) {
                  <span class="gfmd-chip gfmd-chip--warn">{{ 'staff.pending' | t }}</span>
                } @else {
                  <span class="gfmd-chip gfmd-chip--ok">{{ 'staff.active' | t }}</span>
                }
              </div>
              <mat-form-field appearance="outline" subscriptSizing="dynamic">
                <mat-label>{{ 'staff.roleOf' | t: { name: u.name } }}</mat-label>
                <mat-select [value]="u.role" (valueChange)="changeRole(u, $event)" [disabled]="store.busy().has(u.id)">
                  @for (r of roles; track r) {
                    <mat-option [value]="r">{{ r | label: 'role' }}</mat-option>
                  }
                </mat-select>
              </mat-form-field>
              <div class="staff-card__actions">
                @if (u.active !== false) {
                  <button mat-stroked-button type="button" (click)="sendReset(u)" [disabled]="store.busy().has(u.id)">
                    {{ 'staff.sendReset' | t }}<span class="gfmd-visually-hidden"> ({{ u.name }})</span>
                  </button>
                  <button mat-button type="button" (click)="deactivate(u)" [disabled]="store.busy().has(u.id)">
                    {{ 'staff.deactivate' | t }}<span class="gfmd-visually-hidden"> {{ u.name }}</span>
                  </button>
                } @else {
                  <button mat-stroked-button type="button" (click)="reactivate(u)" [disabled]="store.busy().has(u.id)">
                    {{ 'staff.reactivate' | t }}<span class="gfmd-visually-hidden"> {{ u.name }}</span>
                  </button>
                }
              </div>
            </li>
          }
        </ul>
      } @else {
        <gfmd-empty-state [message]="'staff.empty' | t" />
      }
    }
  `,
})
export class StaffPage {
  protected readonly store = inject(StaffAdminStore);
  private readonly auth = inject(AuthStore);
  private readonly confirm = inject(ConfirmService);
  private readonly i18n = inject(I18n);

  protected readonly roles = ROLES;
  protected readonly languages = LANGUAGES;
  protected readonly me = () => this.auth.user()?.id;
  protected readonly inviting = signal(false);
  protected readonly invite = submitState();
  protected readonly unmatched = signal<string[]>([]);
  /** The last confirmation (shown, and announced to screen readers). */
  protected readonly notice = signal('');
  protected readonly announce = signal('');
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', Validators.required],
    email: ['', [Validators.required, Validators.email]],
    role: ['organizer' as Role, Validators.required],
    language: ['en' as Language, Validators.required],
  });

  constructor() {
    void this.store.load();
  }

  protected openInvite(): void {
    this.form.reset({ name: '', email: '', role: 'organizer', language: this.i18n.contractLanguage() });
    this.invite.reset();
    this.unmatched.set([]);
    this.inviting.set(true);
  }

  protected async sendInvitation(): Promise<void> {
    this.invite.reset();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { name, email, role, language } = this.form.getRawValue();
    const outcome = await this.invite.run(() =>
      this.store.invite({ name: name.trim(), email: email.trim(), role, language }),
    );
    if (outcome.ok) {
      this.inviting.set(false);
      this.say(this.i18n.t('staff.inviteSent', { email: outcome.value.email }));
    } else {
      this.unmatched.set(applyProblemToForm(this.form, outcome.problem));
    }
  }

  protected async changeRole(user: User, role: Role): Promise<void> {
    if (role === user.role) return;
    if (await this.store.setRole(user, role)) {
      this.say(this.i18n.t('staff.roleChanged', { name: user.name, role: this.i18n.label('role', role) }));
    }
  }

  protected async sendReset(user: User): Promise<void> {
    if (await this.store.sendReset(user, this.i18n.contractLanguage())) {
      this.say(this.i18n.t('staff.resetSent', { name: user.name }));
    }
  }

  protected async deactivate(user: User): Promise<void> {
    const ok = await this.confirm.ask({
      title: this.i18n.t('staff.deactivateTitle', { name: user.name }),
      message: this.i18n.t('staff.deactivateMessage', { name: user.name }),
      confirm: this.i18n.t('staff.deactivate'),
      cancel: this.i18n.t('common.cancel'),
      destructive: true,
    });
    if (ok && (await this.store.setActive(user, false))) {
      this.say(this.i18n.t('staff.deactivated', { name: user.name }));
    }
  }

  protected async reactivate(user: User): Promise<void> {
    if (await this.store.setActive(user, true)) this.say(this.i18n.t('staff.reactivated', { name: user.name }));
  }

  private say(message: string): void {
    this.notice.set(message);
    this.announce.set(message);
  }
}
