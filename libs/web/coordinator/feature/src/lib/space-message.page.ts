import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { ActivatedRoute } from '@angular/router';
import { SpaceMessageStore } from '@gfmd/web-coordinator-data-access';
import { ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { DeliveryProgressComponent } from '@gfmd/web-shared-ui/delivery-progress';
import { I18n, TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { submitState } from '@gfmd/web-shared-util-state';

/**
 * A coordinator writes to the confirmed participants of their space, in two steps: "Check
 * recipients" asks the API who it would reach (`?dryRun=true`, nothing sent) and shows the count
 * and the message; "Confirm and send" then queues exactly that message, one email each.
 */
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
    DeliveryProgressComponent,
    TranslatePipe,
  ],
  providers: [SpaceMessageStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .message-preview {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      margin: 0 0 1rem;
      padding: 0.75rem 1rem;
      border-inline-start: 4px solid currentColor;
    }
  `,
  template: `
    <h2>{{ 'workspace.message' | t }}</h2>
    <p>{{ 'workspace.messageIntro' | t }}</p>
    <form [formGroup]="form" (ngSubmit)="check()">
      <mat-form-field appearance="outline" class="gfmd-full">
        <mat-label>{{ 'workspace.messageLabel' | t }}</mat-label>
        <textarea matInput [formControl]="message" rows="8" maxlength="5000" required></textarea>
        <mat-hint>{{ 'workspace.messageHint' | t }}</mat-hint>
        @if (message.hasError('required') && message.touched) {
          <mat-error>{{ 'workspace.messageRequired' | t }}</mat-error>
        }
      </mat-form-field>
      <gfmd-problem-alert [problem]="problem()" />
      @if (outcome(); as o) {
        @if (o.queued > 0) {
          <p class="gfmd-alert gfmd-alert--ok" role="status">{{ 'workspace.messageSent' | t: { count: o.queued } }}</p>
          <gfmd-delivery-progress
            [summary]="delivery.value()"
            [live]="delivery.active()"
            [finished]="delivery.finished()"
          />
        } @else {
          <p class="gfmd-alert gfmd-alert--warn" role="alert">{{ 'workspace.messageNobody' | t }}</p>
        }
      }
      @if (pending(); as p) {
        <section aria-labelledby="message-preview-heading">
          <h3 id="message-preview-heading">{{ 'workspace.messagePreview' | t }}</h3>
          <p class="gfmd-alert" role="status">{{ previewText() }}</p>
          <blockquote class="message-preview">{{ p.message }}</blockquote>
          @if (p.preview.wouldSend === 0) {
            <p class="gfmd-alert gfmd-alert--warn" role="alert">{{ 'workspace.messageNobody' | t }}</p>
          }
          <div class="gfmd-actions">
            @if (canSend()) {
              <button mat-flat-button type="button" (click)="send()" [disabled]="sending()">
                {{ (sending() ? 'register.sending' : 'send.confirm') | t }}
              </button>
            }
            <button mat-button type="button" (click)="cancel()" [disabled]="sending()">
              {{ 'common.cancel' | t }}
            </button>
          </div>
        </section>
      } @else {
        <div>
          <button mat-flat-button type="submit" [disabled]="sending()">{{ 'send.check' | t }}</button>
        </div>
      }
    </form>
  `,
})
export class SpaceMessagePage {
  private readonly route = inject(ActivatedRoute);
  private readonly i18n = inject(I18n);
  private readonly store = inject(SpaceMessageStore);

  protected readonly message = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(5000)],
  });
  protected readonly form = new FormGroup({ message: this.message });
  /** to clear the form after sending without marking the emptied field as an error */
  private readonly formDirective = viewChild(FormGroupDirective);
  private readonly submission = submitState();
  protected readonly sending = this.submission.submitting;
  protected readonly problem = this.submission.problem;
  /** what the last send did (null until a message is sent) */
  protected readonly outcome = signal<{ queued: number } | null>(null);
  protected readonly pending = this.store.pending;
  /** live delivery counts of the message sent, polled while any of its emails is queued */
  protected readonly delivery = this.store.delivery;
  protected readonly previewText = computed(() => {
    const pending = this.pending();
    return pending ? this.i18n.sendPreview(pending.preview) : '';
  });
  /** Someone would receive it and the space has messages left today. */
  protected readonly canSend = computed(() => {
    const preview = this.pending()?.preview;
    return !!preview && preview.wouldSend > 0 && preview.remainingToday !== 0;
  });

  constructor() {
    // A count is for the message it was made for: editing asks for a new one.
    this.message.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.store.discard());
  }

  /** First step: the API counts the recipients (nothing is sent); the coordinator then confirms. */
  protected async check(): Promise<void> {
    this.message.markAsTouched();
    const spaceId = this.spaceId();
    if (this.message.invalid || this.sending() || !spaceId) return;
    this.submission.reset();
    this.outcome.set(null);
    await this.submission.run(() => this.store.check(spaceId, this.message.value.trim()));
  }

  /** Second step: sends exactly the message that was checked; on failure the text stays. */
  protected async send(): Promise<void> {
    if (!this.pending() || this.sending()) return;
    this.submission.reset();
    this.outcome.set(null);
    const outcome = await this.submission.run(() => this.store.send());
    if (!outcome.ok || !outcome.value) return;
    this.outcome.set({ queued: outcome.value.queued });
    const spaceId = this.spaceId();
    if (spaceId && outcome.value.messageId) {
      this.store.followDelivery(spaceId, outcome.value.messageId);
    }
    if (outcome.value.queued > 0) {
      // resetForm, not reset: the form counts as submitted until then, and the emptied required
      // field would show as an error after a successful send
      const directive = this.formDirective();
      if (directive) directive.resetForm({ message: '' });
      else this.message.reset('');
    }
  }

  protected cancel(): void {
    this.store.discard();
  }

  private spaceId(): string | null {
    return this.route.parent?.snapshot.paramMap.get('spaceId') ?? null;
  }
}
