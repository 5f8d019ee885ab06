import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { ActivatedRoute } from '@angular/router';
import type { ProblemDetails, SendPreview } from '@gfmd/contracts';
import { firstValueFrom } from 'rxjs';
import { ProblemAlertComponent } from '../../shared/ui';
import { toProblem } from '../../shared/util-http';
import { I18n, TranslatePipe } from '../../shared/util-i18n';

/** A coordinator writes to the confirmed participants of their space; the API queues one email each. */
@Component({
  selector: 'gfmd-space-message',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatButton,
    ProblemAlertComponent,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>{{ 'workspace.message' | t }}</h2>
    <p>{{ 'workspace.messageIntro' | t }}</p>
    <form [formGroup]="form" (ngSubmit)="check()">
      <mat-form-field appearance="outline">
        <mat-label>{{ 'workspace.messageLabel' | t }}</mat-label>
        <textarea matInput [formControl]="message" rows="8" maxlength="5000" required></textarea>
        <mat-hint>{{ 'workspace.messageHint' | t }}</mat-hint>
        @if (message.hasError('required') && message.touched) {
          <mat-error>{{ 'workspace.messageRequired' | t }}</mat-error>
        }
      </mat-form-field>
      <gfmd-problem-alert [problem]="problem()" />
      @if (queued() !== null) {
        <p class="gfmd-alert gfmd-alert--ok" role="status">{{ 'workspace.messageSent' | t: { count: queued() ?? 0 } }}</p>
      }
      @if (pending(); as p) {
        <p class="gfmd-alert" role="status">{{ p.text }}</p>
        <div>
          <button mat-flat-button type="button" (click)="send()" [disabled]="sending() || p.preview.wouldSend === 0">
            {{ 'send.confirm' | t }}
          </button>
          <button mat-button type="button" (click)="pending.set(null)" [disabled]="sending()">
            {{ 'common.cancel' | t }}
          </button>
        </div>
      } @else {
        <div>
          <button mat-flat-button type="submit" [disabled]="sending()">{{ 'send.check' | t }}</button>
        </div>
      }
    </form>
  `,
})
export class SpaceMessagePage {
  private readonly http = inject(HttpClient);
  private readonly route = inject(ActivatedRoute);
  private readonly i18n = inject(I18n);

  protected readonly message = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(5000)],
  });
  protected readonly form = new FormGroup({ message: this.message });
  protected readonly sending = signal(false);
  protected readonly queued = signal<number | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  /** The message checked with the API (`?dryRun=true`): who it would reach, awaiting confirmation. */
  protected readonly pending = signal<{ message: string; preview: SendPreview; text: string } | null>(null);

  constructor() {
    // A count is for the message it was made for; editing asks for a new one.
    this.message.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.pending.set(null));
  }

  /** First step: the API counts the recipients (nothing is sent); the user then confirms. */
  protected async check(): Promise<void> {
    this.message.markAsTouched();
    if (this.message.invalid || this.sending()) return;
    const spaceId = this.route.parent?.snapshot.paramMap.get('spaceId');
    if (!spaceId) return;
    const message = this.message.value.trim();
    this.sending.set(true);
    this.problem.set(null);
    this.queued.set(null);
    try {
      const preview = await firstValueFrom(
        this.http.post<SendPreview>(`/api/v1/spaces/${spaceId}/messages?dryRun=true`, { message }),
      );
      this.pending.set({ message, preview, text: this.i18n.sendPreview(preview) });
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.sending.set(false);
    }
  }

  protected async send(): Promise<void> {
    const pending = this.pending();
    const spaceId = this.route.parent?.snapshot.paramMap.get('spaceId');
    if (!pending || !spaceId || this.sending()) return;
    this.sending.set(true);
    this.problem.set(null);
    this.queued.set(null);
    try {
      const res = await firstValueFrom(
        this.http.post<{ queued: number }>(`/api/v1/spaces/${spaceId}/messages`, { message: pending.message }),
      );
      this.queued.set(res.queued);
      this.pending.set(null);
      this.message.reset('');
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.sending.set(false);
    }
  }
}
