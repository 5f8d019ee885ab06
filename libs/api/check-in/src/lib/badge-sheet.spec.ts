import QRCode from 'qrcode';
import { inflateSync } from 'node:zlib';
import { drawQr, newPdf } from './badge-sheet';

/** The decompressed content streams of a PDF. */
function contentStreams(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not a deflated stream (a font, an image)
    }
  }
  return out.join('\n');
}

describe(drawQr.name, () => {
  it('draws exactly the modules of the QR code of the text, the right way up', async () => {
    const code = `C1${'Zm9vYmFy'.repeat(6)}`;
    const doc = newPdf('A4', { title: 'qr' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((r) => doc.on('end', r));
    doc.addPage();
    const [x, y, size] = [100, 200, 99];
    drawQr(doc, code, x, y, size);
    doc.end();
    await ended;

    const expected = QRCode.create(code, { errorCorrectionLevel: 'M' }).modules;
    const n = expected.size;
    const cell = size / (n + 4);
    const grid = Array.from({ length: n }, () => Array<boolean>(n).fill(false));
    const runs = [...contentStreams(Buffer.concat(chunks)).matchAll(/^([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re$/gm)]
      .map((m) => m.slice(1, 5).map(Number))
      .filter(([, , w]) => w < size); // the white background is the one full-size rectangle
    for (const [rx, ry, w] of runs) {
      const row = Math.round((ry - y) / cell) - 2;
      const col = Math.round((rx - x) / cell) - 2;
      for (let k = 0; k < Math.round(w / cell); k++) grid[row][col + k] = true;
    }
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) expect([r, c, grid[r][c]]).toEqual([r, c, !!expected.get(r, c)]);
    }
  });
});
