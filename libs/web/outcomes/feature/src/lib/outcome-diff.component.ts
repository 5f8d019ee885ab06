import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { FieldChange, OutcomeDiff, Recommendation } from '@gfmd/contracts';
import { I18n, LabelPipe, TranslatePipe, isTranslationKey } from '@gfmd/web-shared-util-i18n';

/** Names shown for the ids a diff carries (themes, spaces, staff users). */
export interface DiffNames {
  themes: ReadonlyMap<string, string>;
  spaces: ReadonlyMap<string, string>;
  users: ReadonlyMap<string, string>;
}

interface ReadableChange {
  label: string;
  before: string;
  after: string;
}

/** "Changes since the last submission": fields, key messages and recommendations, field by field. */
@Component({
  selector: 'gfmd-outcome-diff',
  imports: [TranslatePipe, LabelPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
      border: 1px solid var(--gfmd-border);
      border-radius: 12px;
      padding: 1rem;
    }
    h3 {
      margin-top: 0;
    }
    h4 {
      font-size: 1rem;
      margin: 1rem 0 0.25rem;
    }
    ul {
      padding-inline-start: 1.25rem;
      margin: 0.25rem 0;
    }
    .change {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
      gap: 0.25rem 1rem;
      margin: 0.25rem 0 0.75rem;
    }
    .change p {
      margin: 0;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    del {
      background: #fde2e1;
    }
    ins {
      background: #dff5e1;
      text-decoration: none;
    }
  `,
  template: `
    <h3 id="diff-heading">{{ 'outcome.diffTitle' | t }}</h3>
    <p class="gfmd-muted">{{ 'outcome.diffRange' | t: { from: diff().from, to: diff().to } }}</p>
    @if (empty()) {
      <p>{{ 'outcome.diffNone' | t }}</p>
    }
    @for (change of fields(); track change.label) {
      <h4>{{ 'outcome.diffChanged' | t }}: {{ change.label }}</h4>
      <div class="change">
        <p>
          <span class="gfmd-muted">{{ ('outcome.diffBefore' | t) + ': ' }}</span><del>{{ change.before }}</del>
        </p>
        <p>
          <span class="gfmd-muted">{{ ('outcome.diffAfter' | t) + ': ' }}</span><ins>{{ change.after }}</ins>
        </p>
      </div>
    }
    @if (diff().keyMessages.added.length || diff().keyMessages.removed.length) {
      <h4>{{ 'outcome.keyMessages' | t }}</h4>
      <ul>
        @for (m of diff().keyMessages.added; track $index) {
          <li>
            <strong>{{ ('outcome.diffAdded' | t) + ': ' }}</strong><ins>{{ m }}</ins>
          </li>
        }
        @for (m of diff().keyMessages.removed; track $index) {
          <li>
            <strong>{{ ('outcome.diffRemoved' | t) + ': ' }}</strong><del>{{ m }}</del>
          </li>
        }
      </ul>
    }
    @for (r of diff().recommendations.added; track r.id) {
      <h4>{{ 'outcome.diffAdded' | t }}: {{ name(r) }}</h4>
      <p>
        <ins>{{ r.text }}</ins>
      </p>
      <p class="gfmd-muted">{{ r.kind | label: 'recommendationKind' }}</p>
    }
    @for (r of diff().recommendations.removed; track r.id) {
      <h4>{{ 'outcome.diffRemoved' | t }}: {{ name(r) }}</h4>
      <p>
        <del>{{ r.text }}</del>
      </p>
    }
    @for (r of changed(); track r.id) {
      <h4>{{ 'outcome.diffChanged' | t }}: {{ r.name }}</h4>
      @for (change of r.changes; track change.label) {
        <p>
          <strong>{{ change.label }}</strong>
        </p>
        <div class="change">
          <p>
            <span class="gfmd-muted">{{ ('outcome.diffBefore' | t) + ': ' }}</span><del>{{ change.before }}</del>
          </p>
          <p>
            <span class="gfmd-muted">{{ ('outcome.diffAfter' | t) + ': ' }}</span><ins>{{ change.after }}</ins>
          </p>
        </div>
      }
    }
  `,
})
export class OutcomeDiffComponent {
  private readonly i18n = inject(I18n);
  readonly diff = input.required<OutcomeDiff>();
  readonly names = input<DiffNames>({ themes: new Map(), spaces: new Map(), users: new Map() });

  protected readonly fields = computed(() => this.diff().fields.map((c) => this.readable(c)));
  protected readonly changed = computed(() =>
    this.diff().recommendations.changed.map((r) => ({
      id: r.id,
      name: r.reference ?? this.i18n.t('outcome.newRecommendation'),
      changes: r.changes.map((c) => this.readable(c)),
    })),
  );
  protected readonly empty = computed(() => {
    const d = this.diff();
    return (
      !d.fields.length &&
      !d.keyMessages.added.length &&
      !d.keyMessages.removed.length &&
      !d.recommendations.added.length &&
      !d.recommendations.removed.length &&
      !d.recommendations.changed.length
    );
  });

  protected name(r: Recommendation): string {
    return r.reference ?? this.i18n.t('outcome.newRecommendation');
  }

  /** A field's label and its values as words (names for ids, labels for codes). */
  readable(change: FieldChange): ReadableChange {
    const key = `outcome.field.${change.field}`;
    return {
      label: isTranslationKey(key) ? this.i18n.t(key) : change.field,
      before: this.value(change.field, change.before),
      after: this.value(change.field, change.after),
    };
  }

  private value(field: string, value: unknown): string {
    const empty = this.i18n.t('outcome.diffEmpty');
    if (value === null || value === undefined || value === '') return empty;
    const names = this.names();
    const list = Array.isArray(value) ? value.map(String) : [String(value)];
    const words = list.map((v) => {
      switch (field) {
        case 'kind':
          return this.i18n.label('recommendationKind', v);
        case 'addressedTo':
          return this.i18n.label('group', v);
        case 'themeIds':
          return names.themes.get(v) ?? v;
        case 'spaceId':
          return names.spaces.get(v) ?? v;
        case 'rapporteurUserIds':
          return names.users.get(v) ?? v;
        default:
          return v;
      }
    });
    return words.length ? words.join(field === 'keyMessages' ? '\n' : ', ') : empty;
  }
}
