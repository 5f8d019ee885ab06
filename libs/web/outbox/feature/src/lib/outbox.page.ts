import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import type { PageEvent } from '@angular/material/paginator';
import { MatSelect } from '@angular/material/select';
import { EMAIL_KINDS, EMAIL_STATUSES, type EmailKind, type EmailStatus } from '@gfmd/contracts';
import { ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { LabelPipe, LocalDatePipe, TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { OutboxStore } from '@gfmd/web-outbox-data-access';
import { PagedTableComponent } from '@gfmd/web-shared-ui/paginated-table';
import { DeliveryProgressComponent } from '@gfmd/web-shared-ui/delivery-progress';

@Component({
  selector: 'gfmd-outbox-page',
  imports: [
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatButton,
    PagedTableComponent,
    DeliveryProgressComponent,
    ProblemAlertComponent,
    TranslatePipe,
    LabelPipe,
    LocalDatePipe,
  ],
  providers: [OutboxStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .error-cell {
      max-width: 20rem;
      overflow-wrap: anywhere;
      font-size: 0.85rem;
    }
  `,
  template: `
    <h1>{{ 'title.outbox' | t }}</h1>
    <p class="gfmd-muted">{{ 'outbox.intro' | t }}</p>
    <div class="gfmd-filters">
      <mat-form-field>
        <mat-label>{{ 'common.status' | t }}</mat-label>
        <mat-select [value]="store.query().status ?? ''" (valueChange)="status($event)">
          <mat-option value="">{{ 'common.all' | t }}</mat-option>
          @for (s of statuses; track s) {
            <mat-option [value]="s">{{ s | label: 'emailStatus' }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'outbox.kind' | t }}</mat-label>
        <mat-select [value]="store.query().kind ?? ''" (valueChange)="kind($event)">
          <mat-option value="">{{ 'common.all' | t }}</mat-option>
          @for (k of kinds; track k) {
            <mat-option [value]="k">{{ k | label: 'emailKind' }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </div>
    <gfmd-delivery-progress
      [summary]="store.delivery.value()"
      [live]="store.delivery.active()"
      [finished]="store.delivery.finished()"
    />
    <gfmd-problem-alert [problem]="store.problem()" [retryable]="true" (retry)="store.load()" />
    <gfmd-paged-table
      [loading]="store.loading()"
      [loaded]="store.loaded()"
      [rows]="store.rows().length"
      [total]="store.total()"
      [totalIsEstimate]="store.totalIsEstimate()"
      [pageIndex]="store.query().page - 1"
      [pageSize]="store.query().pageSize"
      [caption]="'title.outbox' | t"
      [label]="'outbox.pages' | t"
      [empty]="'outbox.empty' | t"
      minWidth="800px"
      (pageChange)="page($event)"
    >
      <thead>
        <tr>
          <th scope="col">{{ 'outbox.created' | t }}</th>
          <th scope="col">{{ 'outbox.kind' | t }}</th>
          <th scope="col">{{ 'outbox.recipient' | t }}</th>
          <th scope="col">{{ 'outbox.subject' | t }}</th>
          <th scope="col">{{ 'common.status' | t }}</th>
          <th scope="col">{{ 'outbox.attempts' | t }}</th>
          <th scope="col">{{ 'invitations.lastError' | t }}</th>
          <th scope="col">
            <span class="gfmd-visually-hidden">{{ 'common.actions' | t }}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        @for (e of store.rows(); track e.id) {
          <tr>
            <td>{{ e.createdAt | localDate: 'dateTime' }}</td>
            <td>
              {{ e.kind | label: 'emailKind' }}
              <small class="gfmd-muted">({{ e.language.toUpperCase() }})</small>
            </td>
            <td>{{ e.recipient }}</td>
            <td>{{ e.subject }}</td>
            <td>
              <span
                class="gfmd-chip"
                [class.gfmd-chip--error]="e.status === 'failed'"
                [class.gfmd-chip--ok]="e.status === 'sent'"
                >{{ e.status | label: 'emailStatus' }}</span
              >
              @if (e.sentAt) {
                <br /><small>{{ e.sentAt | localDate: 'dateTime' }}</small>
              }
            </td>
            <td>{{ e.attempts }}</td>
            <td class="error-cell">{{ e.lastError ?? '' }}</td>
            <td>
              @if (e.status === 'failed') {
                <button mat-button type="button" (click)="store.retry(e)" [disabled]="store.retrying().has(e.id)">
                  {{ 'outbox.retry' | t }}<span class="gfmd-visually-hidden"> {{ e.recipient }}</span>
                </button>
              }
            </td>
          </tr>
        }
      </tbody>
    </gfmd-paged-table>
  `,
})
export class OutboxPage {
  protected readonly store = inject(OutboxStore);
  protected readonly statuses = EMAIL_STATUSES;
  protected readonly kinds = EMAIL_KINDS;

  constructor() {
    void this.store.load();
    this.store.delivery.start();
  }

  protected status(status: EmailStatus | ''): void {
    void this.store.setQuery({ status });
  }

  protected kind(kind: EmailKind | ''): void {
    void this.store.setQuery({ kind });
  }

  protected page(event: PageEvent): void {
    void this.store.goToPage(event.pageIndex, event.pageSize);
  }
}
