import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { ActivatedRoute } from '@angular/router';
import type { ProblemDetails } from '@gfmd/contracts';
import { firstValueFrom } from 'rxjs';
import { ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { toProblem } from '@gfmd/web-shared-util-http';
import { TranslatePipe } from '@gfmd/web-shared-util-i18n';

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
    <form [formGroup]="form" (ngSubmit)="send()">
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
      <div>
        <button mat-flat-button type="submit" [disabled]="sending()">{{ 'workspace.messageSend' | t }}</button>
      </div>
    </form>
  `,
})
export class SpaceMessagePage {
  private readonly http = inject(HttpClient);
  private readonly route = inject(ActivatedRoute);

  protected readonly message = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(5000)],
  });
  protected readonly form = new FormGroup({ message: this.message });
  protected readonly sending = signal(false);
  protected readonly queued = signal<number | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected async send(): Promise<void> {
    this.message.markAsTouched();
    if (this.message.invalid || this.sending()) return;
    const spaceId = this.route.parent?.snapshot.paramMap.get('spaceId');
    if (!spaceId) return;
    this.sending.set(true);
    this.problem.set(null);
    this.queued.set(null);
    try {
      const res = await firstValueFrom(
        this.http.post<{ queued: number }>(`/api/v1/spaces/${spaceId}/messages`, {
          message: this.message.value.trim(),
        }),
      );
      this.queued.set(res.queued);
      this.message.reset('');
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.sending.set(false);
    }
  }
}
