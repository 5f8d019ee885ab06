import { writeFileSync } from 'node:fs';
import { create } from 'qrcode';

/**
 * Writes a Y4M video (what Chromium's `--use-file-for-fake-video-capture` plays in a loop, as the
 * camera) showing `text` as a QR code: black modules on white, 4 modules of quiet zone, a few
 * identical frames (4:2:0, the chroma planes grey).
 */
export function writeQrVideo(path: string, text: string, { width = 640, height = 480, frames = 5 } = {}): void {
  const qr = create(text, { errorCorrectionLevel: 'M' }).modules;
  const quiet = 4;
  const modules = qr.size + 2 * quiet;
  const scale = Math.floor(Math.min(width, height) / modules);
  const left = Math.floor((width - modules * scale) / 2);
  const top = Math.floor((height - modules * scale) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let y = 0; y < qr.size; y++) {
    for (let x = 0; x < qr.size; x++) {
      if (!qr.get(y, x)) continue;
      for (let dy = 0; dy < scale; dy++) {
        const row = (top + (y + quiet) * scale + dy) * width + left + (x + quiet) * scale;
        luma.fill(16, row, row + scale);
      }
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(path, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}
