import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import type { PageEvent } from '@angular/material/paginator';
import { MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { AuditEvent } from '@gfmd/contracts';
import { AuditStore } from '@gfmd/web-admin-data-access';
import { ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { PagedTableComponent } from '@gfmd/web-shared-ui/paginated-table';
import { I18n, LabelPipe, LocalDatePipe, TranslatePipe } from '@gfmd/web-shared-util-i18n';

/** Admins: the audit log, newest first, filtered by person and by dialogue. */
@Component({
  selector: 'gfmd-audit-page',
  imports: [
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    RouterLink,
    PagedTableComponent,
    ProblemAlertComponent,
    TranslatePipe,
    LabelPipe,
    LocalDatePipe,
  ],
  providers: [AuditStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .record {
      font-family: monospace;
      font-size: 0.85rem;
    }
    .details {
      font-size: 0.9rem;
      overflow-wrap: anywhere;
    }
  `,
  template: `
    <h1>{{ 'title.audit' | t }}</h1>
    <p class="gfmd-muted">{{ 'audit.intro' | t }}</p>
    <div class="gfmd-filters">
      <mat-form-field>
        <mat-label>{{ 'audit.person' | t }}</mat-label>
        <mat-select [value]="store.query().actor ?? ''" (valueChange)="store.setQuery({ actor: $event })">
          <mat-option value="">{{ 'common.all' | t }}</mat-option>
          @for (p of store.people(); track p.id) {
            <mat-option [value]="p.id">{{ p.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'audit.dialogue' | t }}</mat-label>
        <mat-select [value]="store.query().dialogueId ?? ''" (valueChange)="store.setQuery({ dialogueId: $event })">
          <mat-option value="">{{ 'common.all' | t }}</mat-option>
          @for (d of store.dialogues(); track d.id) {
            <mat-option [value]="d.id">{{ d.title }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </div>
    <gfmd-problem-alert [problem]="store.problem()" [retryable]="true" (retry)="store.load()" />
    <gfmd-paged-table
      [loading]="store.loading()"
      [loaded]="store.loaded()"
      [rows]="store.rows().length"
      [total]="store.total()"
      [totalIsEstimate]="store.totalIsEstimate()"
      [pageIndex]="store.query().page - 1"
      [pageSize]="store.query().pageSize"
      [caption]="'title.audit' | t"
      [label]="'audit.pages' | t"
      [empty]="'audit.empty' | t"
      [cards]="true"
      (pageChange)="page($event)"
    >
      <thead>
        <tr>
          <th scope="col">{{ 'audit.when' | t }}</th>
          <th scope="col">{{ 'audit.person' | t }}</th>
          <th scope="col">{{ 'audit.what' | t }}</th>
          <th scope="col">{{ 'audit.record' | t }}</th>
          <th scope="col">{{ 'audit.dialogue' | t }}</th>
          <th scope="col">{{ 'common.details' | t }}</th>
        </tr>
      </thead>
      <tbody>
        @for (e of store.rows(); track e.id) {
          <tr>
            <td [attr.data-label]="'audit.when' | t">{{ e.at | localDate: 'dateTime' }}</td>
            <td [attr.data-label]="'audit.person' | t">{{ e.actorName ?? ('audit.system' | t) }}</td>
            <td [attr.data-label]="'audit.what' | t">{{ e.action | label: 'auditAction' }}</td>
            <td [attr.data-label]="'audit.record' | t">
              {{ e.entityType | label: 'auditEntity' }}
              <span class="record" [attr.title]="e.entityId">#{{ e.entityId.slice(0, 8) }}</span>
            </td>
            <td [attr.data-label]="'audit.dialogue' | t" [class.empty-cell]="!e.dialogueId">
              @if (e.dialogueId) {
                <a [routerLink]="['/console/dialogues', e.dialogueId]">{{
                  store.dialogueTitles().get(e.dialogueId) ?? '#' + e.dialogueId.slice(0, 8)
                }}</a>
              }
            </td>
            <td class="details" [attr.data-label]="'common.details' | t" [class.empty-cell]="!details(e)">
              {{ details(e) }}
            </td>
          </tr>
        }
      </tbody>
    </gfmd-paged-table>
  `,
})
export class AuditPage {
  protected readonly store = inject(AuditStore);
  private readonly i18n = inject(I18n);

  constructor() {
    void this.store.load();
    void this.store.loadChoices();
  }

  /** What a line's details say, in words: changed fields, a new role, a count. */
  protected details(e: AuditEvent): string {
    const d = e.details as Record<string, unknown>;
    const parts: string[] = [];
    if (Array.isArray(d['fields']) && d['fields'].length) {
      parts.push(this.i18n.t('audit.fields', { fields: (d['fields'] as string[]).join(', ') }));
    }
    if (typeof d['to'] === 'string')
      // the arrow points the way the text reads: to the left in Arabic
      parts.push(
        `${this.i18n.label('role', d['from'] as string)} ${this.i18n.direction() === 'rtl' ? '←' : '→'} ${this.i18n.label('role', d['to'])}`,
      );
    else if (typeof d['role'] === 'string') parts.push(this.i18n.label('role', d['role']));
    if (typeof d['count'] === 'number') parts.push(this.i18n.t('audit.count', { count: d['count'] }));
    return parts.join(' · ');
  }

  protected page(event: PageEvent): void {
    void this.store.goToPage(event.pageIndex, event.pageSize);
  }
}
