import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { DOCUMENT } from '@angular/common';
import { TranslatePipe, type TranslationKey } from '@gfmd/web-shared-util-i18n';

let nextId = 0;

/**
 * "Cite this": the citation as selectable text, and a Copy button that says whether it worked.
 * `level` is the heading's level (3 inside a list of recommendations); `label` names what is
 * cited for the button, when several boxes share a page.
 */
@Component({
  selector: 'gfmd-cite-box',
  imports: [MatButton, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
      border: 1px solid var(--gfmd-border);
      border-radius: 12px;
      padding: 1rem;
    }
    .heading {
      margin: 0 0 0.5rem;
      font-size: 1.1rem;
    }
    .cite {
      overflow-wrap: anywhere;
      white-space: pre-wrap;
      margin: 0 0 0.75rem;
      font-family: inherit;
    }
  `,
  template: `
    @if (level() === 3) {
      <h3 class="heading" [id]="headingId">{{ 'recommendations.cite' | t }}</h3>
    } @else {
      <h2 class="heading" [id]="headingId">{{ 'recommendations.cite' | t }}</h2>
    }
    <p class="cite" [attr.aria-labelledby]="headingId">{{ cite() }}</p>
    <button
      mat-stroked-button
      type="button"
      (click)="copy()"
      [attr.aria-label]="label() ? ('recommendations.copyOf' | t: { reference: label() }) : null"
    >
      {{ 'recommendations.copy' | t }}
    </button>
    <p class="gfmd-muted" role="status">
      @if (copied(); as key) {
        {{ key | t }}
      }
    </p>
  `,
})
export class CiteBoxComponent {
  private readonly document = inject(DOCUMENT);
  readonly cite = input.required<string>();
  readonly level = input<2 | 3>(2);
  readonly label = input<string>('');
  protected readonly headingId = `cite-heading-${nextId++}`;
  protected readonly copied = signal<TranslationKey | null>(null);

  protected async copy(): Promise<void> {
    try {
      await this.document.defaultView?.navigator.clipboard.writeText(this.cite());
      if (!this.document.defaultView?.navigator.clipboard) throw new Error('no clipboard');
      this.copied.set('recommendations.copied');
    } catch {
      this.copied.set('recommendations.copyFailed');
    }
  }
}
