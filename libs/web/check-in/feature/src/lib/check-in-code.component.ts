import { ChangeDetectionStrategy, Component, effect, input, signal } from '@angular/core';
import { TranslatePipe } from '@gfmd/web-shared-util-i18n';

/** The SVG path of a QR code's dark modules (one unit per module, a 2-module quiet zone). */
export function qrPath(modules: { size: number; get(row: number, col: number): number | boolean }): {
  d: string;
  size: number;
} {
  const parts: string[] = [];
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) parts.push(`M${c + 2} ${r + 2}h1v1h-1z`);
  }
  return { d: parts.join(''), size: modules.size + 4 };
}

/**
 * The participant's check-in code on their manage page: the QR their badge carries (drawn as
 * one SVG path; the encoder loads only here), and the code in text for the door to type.
 */
@Component({
  selector: 'gfmd-check-in-code',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
    }
    svg {
      width: min(16rem, 80vw);
      height: auto;
      background: #fff;
    }
    code {
      display: block;
      word-break: break-all;
      font-size: 0.85rem;
    }
  `,
  template: `
    @if (qr(); as q) {
      <svg
        [attr.viewBox]="'0 0 ' + q.size + ' ' + q.size"
        role="img"
        [attr.aria-label]="'checkInCode.qrLabel' | t"
        shape-rendering="crispEdges"
        data-testid="check-in-qr"
      >
        <rect [attr.width]="q.size" [attr.height]="q.size" fill="#fff" />
        <path [attr.d]="q.d" fill="#000" />
      </svg>
    }
    <p>{{ 'checkInCode.typeIt' | t }}</p>
    <code data-testid="check-in-code">{{ code() }}</code>
  `,
})
export class CheckInCodeComponent {
  readonly code = input.required<string>();
  protected readonly qr = signal<{ d: string; size: number } | null>(null);

  constructor() {
    effect(() => {
      const code = this.code();
      void import('qrcode').then((QRCode) => {
        if (code === this.code()) this.qr.set(qrPath(QRCode.create(code, { errorCorrectionLevel: 'M' }).modules));
      });
    });
  }
}
