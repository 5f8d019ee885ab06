import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, signal } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { I18n, TranslatePipe } from '@gfmd/web-shared-util-i18n';

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

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** What the offline pass shows: the code and its QR, whose it is, for which dialogue, in the page's words. */
export interface OfflinePass {
  code: string;
  /** the code to type at the door, shown instead of the long one when there is one */
  deskCode?: string | null;
  qr: { d: string; size: number };
  lang: string;
  heading: string;
  explain: string;
  typeIt: string;
  holder?: string | null;
  dialogue?: string | null;
  when?: string | null;
}

/**
 * The "add to wallet" page: one self-contained HTML file (the QR an inline SVG, the styles inline,
 * no script, no request), saved on the phone from the manage page, which opens without a network.
 */
export function offlinePassHtml(p: OfflinePass): string {
  const line = (text: string | null | undefined, cls: string) =>
    text ? `<p class="${cls}">${escapeHtml(text)}</p>` : '';
  return `<!doctype html>
<html lang="${escapeHtml(p.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(p.heading)}${p.dialogue ? ` · ${escapeHtml(p.dialogue)}` : ''}</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;padding:1.5rem 1rem;text-align:center;color:#111;background:#fff}
h1{font-size:1.4rem;margin:0 0 .5rem}
.holder{font-size:1.6rem;font-weight:700;margin:.5rem 0}
svg{width:min(20rem,85vw);height:auto;display:block;margin:1rem auto}
code{display:block;word-break:break-all;font-size:1rem;margin-top:.25rem}
code.desk{font-size:2rem;letter-spacing:.1em;word-break:normal}
</style>
</head>
<body>
<h1>${escapeHtml(p.heading)}</h1>
${line(p.dialogue, 'dialogue')}
${line(p.when, 'when')}
${line(p.holder, 'holder')}
<svg viewBox="0 0 ${p.qr.size} ${p.qr.size}" role="img" aria-label="${escapeHtml(p.heading)}" shape-rendering="crispEdges" xmlns="http://www.w3.org/2000/svg"><rect width="${p.qr.size}" height="${p.qr.size}" fill="#fff"/><path d="${escapeHtml(p.qr.d)}" fill="#000"/></svg>
<p>${escapeHtml(p.explain)}</p>
<p>${escapeHtml(p.typeIt)}</p>
<code${p.deskCode ? ' class="desk"' : ''}>${escapeHtml(p.deskCode ?? p.code)}</code>
</body>
</html>
`;
}

/**
 * The participant's check-in code on their manage page: the QR their badge carries (drawn as
 * one SVG path; the encoder loads only here), the desk code in text for the door to type, and the
 * offline pass to save on the phone (offlinePassHtml), which opens without a network.
 */
@Component({
  selector: 'gfmd-check-in-code',
  imports: [TranslatePipe, MatAnchor],
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
    /* Read aloud or typed at the door: large, spaced, never broken inside. */
    code.desk {
      font-size: 1.75rem;
      letter-spacing: 0.1em;
      word-break: normal;
      white-space: nowrap;
    }
    .offline {
      margin-top: 1rem;
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
    @if (deskCode(); as desk) {
      <code class="desk" data-testid="check-in-desk-code">{{ desk }}</code>
    } @else {
      <code data-testid="check-in-code">{{ code() }}</code>
    }
    @if (passUrl(); as url) {
      <p class="offline">
        <a mat-stroked-button [href]="url" download="gfmd-check-in.html" data-testid="check-in-offline">{{
          'checkInCode.saveOffline' | t
        }}</a>
      </p>
      <p class="gfmd-muted">{{ 'checkInCode.saveOfflineHint' | t }}</p>
    }
  `,
})
export class CheckInCodeComponent {
  private readonly i18n = inject(I18n);
  readonly code = input.required<string>();
  /** the same code to type at the door (XXXX-XXXX), shown in text instead of the long one */
  readonly deskCode = input<string | null | undefined>(null);
  /** whose code it is, and for which dialogue (printed on the offline pass) */
  readonly holder = input<string | null>(null);
  readonly dialogue = input<string | null>(null);
  readonly when = input<string | null>(null);
  protected readonly qr = signal<{ d: string; size: number } | null>(null);
  protected readonly passUrl = signal<string | null>(null);

  constructor() {
    effect(() => {
      const code = this.code();
      void import('qrcode').then((loaded) => {
        // qrcode is CommonJS: the production build's chunk gives its exports as `default`, Jest's as names.
        const QRCode = loaded.default ?? loaded;
        if (code === this.code()) this.qr.set(qrPath(QRCode.create(code, { errorCorrectionLevel: 'M' }).modules));
      });
    });
    effect((onCleanup) => {
      const qr = this.qr();
      if (!qr || typeof URL.createObjectURL !== 'function') return;
      const html = offlinePassHtml({
        code: this.code(),
        deskCode: this.deskCode(),
        qr,
        lang: this.i18n.language(),
        heading: this.i18n.t('checkInCode.heading'),
        explain: this.i18n.t('checkInCode.explain'),
        typeIt: this.i18n.t('checkInCode.typeIt'),
        holder: this.holder(),
        dialogue: this.dialogue(),
        when: this.when(),
      });
      const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
      this.passUrl.set(url);
      onCleanup(() => URL.revokeObjectURL(url));
    });
    inject(DestroyRef).onDestroy(() => {
      const url = this.passUrl();
      if (url) URL.revokeObjectURL(url);
    });
  }
}
