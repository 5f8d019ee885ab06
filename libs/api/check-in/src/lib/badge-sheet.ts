import type { CheckInCard } from '@gfmd/api-registrations';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import {
  drawBidiText,
  hasRtl,
  pdfFontFor,
  pdfTextFonts,
  registerPdfFonts,
  withoutBidiControls,
  type PdfWeight,
} from '@gfmd/api-platform';
import { GROUP_BANDS, GROUP_NAMES } from './badge-words';
import type { BadgeLayout } from './check-in.dto';

const MM = 72 / 25.4;

/** What a badge prints of a registration's codes (check-in-codes.service.ts). */
export interface BadgeCodes {
  checkInCode: string;
  deskCode: string;
}
const A4 = { width: 595.28, height: 841.89 };
/** A4 sheets: 2 columns × 4 rows of 90 × 60 mm badges (cut marks are the badge edges). */
const SHEET = { cols: 2, rows: 4, width: 90 * MM, height: 60 * MM };
/** Badge printers: one 4 × 3 inch badge per page. */
const SINGLE = { width: 288, height: 216 };
export const BADGES_PER_PAGE: Record<BadgeLayout, number> = { a4: SHEET.cols * SHEET.rows, single: 1 };

export interface BadgeDialogue {
  title: string;
  dates: string;
}

/**
 * Creates a PDF document with the fonts badges and certificates use ('regular', 'bold'): DejaVu Sans
 * when the system has it (names in any Latin, Cyrillic, Greek or Arabic script print as written;
 * it has the Arabic letters and their joining forms), otherwise PDFKit's Helvetica (Latin-1 only);
 * 'regular-cjk', 'bold-cjk' for Chinese and Japanese, 'regular-kr', 'bold-kr' for Korean,
 * 'regular-han' for Han beyond those (Extension B and later, both weights); a text mixing scripts
 * is drawn run by run (`boxText`; platform's pdf-fonts.ts). The Docker image installs DejaVu and
 * HanaMinB (fonts-hanazono); the CJK fonts are npm packages.
 */
export function newPdf(size: [number, number] | 'A4', info: { title: string }): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size,
    margin: 0,
    autoFirstPage: false,
    info: { Title: info.title, Creator: 'GFMD Dialogues' },
  });
  registerPdfFonts(doc, { regular: 'regular', bold: 'bold' }, { unicode: true });
  return doc;
}

/**
 * Sets the font of `weight` that can print `text` (a CJK one for Chinese, Japanese or Korean); a
 * text that needs several fonts is drawn by `boxText`, run by run, on this font's lines.
 */
export function useFont(
  doc: PDFKit.PDFDocument,
  weight: PdfWeight,
  text: string | null | undefined,
): PDFKit.PDFDocument {
  return doc.font(pdfFontFor(weight, text, doc));
}

interface LineBox {
  width: number;
  height?: number;
  /**
   * At most so many lines, in the line height of the font that prints the text: a box in points
   * fits two lines of DejaVu Sans but one of a CJK font (taller lines), which cut "王小明 Montgomery"
   * to "王小明…" where a Latin name of that length took two lines.
   */
  lines?: number;
  lineBreak?: boolean;
  ellipsis?: boolean;
}

/**
 * Text in a box, in the font of `weight` that prints it, as PDFKit's `text` draws it; text with
 * right-to-left letters (an Arabic name, organization or title) or that needs several fonts
 * ("王小明 محمد", "김민준 Иванов") goes through `drawBidiText`, which displays it right to left
 * when it is Arabic, aligned on the box's right side, each run in its font, within the same number
 * of lines.
 */
export function boxText(
  doc: PDFKit.PDFDocument,
  weight: PdfWeight,
  text: string,
  x: number,
  y: number,
  box: LineBox,
): void {
  text = withoutBidiControls(text); // a name or title from a row (the API refuses them; older rows may hold them)
  const fonts = pdfTextFonts(doc, weight, text);
  doc.font(fonts.primary);
  const { lines, ...options } = box;
  const lineHeight = doc.currentLineHeight(true);
  if (!hasRtl(text) && !fonts.mixed) {
    // Half a line more than `lines`: PDFKit fits a line while it ends within the height.
    doc.text(text, x, y, lines ? { ...options, height: (lines + 0.5) * lineHeight } : options);
    return;
  }
  const maxLines =
    box.lineBreak === false
      ? 1
      : (lines ?? (box.height ? Math.max(1, Math.floor(box.height / lineHeight)) : undefined));
  drawBidiText(doc as never, text, x, y, { width: box.width, maxLines, fonts });
}

/**
 * Draws a QR code as vector squares (crisp at any printer resolution): one rectangle per
 * horizontal run of dark modules, written to the page as one block of PDF operators (PDFKit's
 * rect() per run cost most of a badge's time).
 */
export function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2;
  const cell = size / (n + quiet * 2);
  const f = (v: number) => (Math.round(v * 100) / 100).toString();
  const ops: string[] = [];
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (!qr.modules.get(r, c)) continue;
      const start = c;
      while (c + 1 < n && qr.modules.get(r, c + 1)) c++;
      ops.push(
        `${f(x + (start + quiet) * cell)} ${f(y + (r + quiet) * cell)} ${f((c - start + 1) * cell)} ${f(cell)} re`,
      );
    }
  }
  doc.save().rect(x, y, size, size).fill('#FFFFFF');
  doc.fillColor('#000000');
  // PDFKit's page space is flipped (origin top left), as for its own rect(): same coordinates.
  doc.addContent(`${ops.join('\n')}\nf`);
  doc.restore();
}

/**
 * Badges laid out as pages of a PDF: on A4 sheets (2 × 4) or one per page for badge printers.
 * Pages are flushed as they fill (PDFKit's default), so a batch of thousands keeps memory flat.
 */
export class BadgeSheet {
  private index = 0;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly layout: BadgeLayout,
    private readonly dialogue: BadgeDialogue,
  ) {}

  static create(layout: BadgeLayout, dialogue: BadgeDialogue): BadgeSheet {
    const doc = newPdf(layout === 'a4' ? 'A4' : [SINGLE.width, SINGLE.height], { title: `Badges – ${dialogue.title}` });
    return new BadgeSheet(doc, layout, dialogue);
  }

  get count(): number {
    return this.index;
  }

  /** One badge: the QR code of `codes.checkInCode`, and under it the desk code, to type when a camera cannot read it. */
  add(card: CheckInCard, codes: BadgeCodes, role?: string | null): void {
    const perPage = BADGES_PER_PAGE[this.layout];
    const slot = this.index % perPage;
    if (slot === 0) this.doc.addPage();
    this.index++;
    if (this.layout === 'single') return this.draw(card, codes, role, 0, 0, SINGLE.width, SINGLE.height);
    const marginX = (A4.width - SHEET.cols * SHEET.width) / 2;
    const marginY = (A4.height - SHEET.rows * SHEET.height) / 2;
    const col = slot % SHEET.cols;
    const row = Math.floor(slot / SHEET.cols);
    const x = marginX + col * SHEET.width;
    const y = marginY + row * SHEET.height;
    this.doc
      .save()
      .lineWidth(0.3)
      .dash(2, { space: 2 })
      .rect(x, y, SHEET.width, SHEET.height)
      .stroke('#BBBBBB')
      .undash()
      .restore();
    this.draw(card, codes, role, x, y, SHEET.width, SHEET.height);
  }

  end(): void {
    if (this.index === 0) this.doc.addPage();
    this.doc.end();
  }

  private draw(
    card: CheckInCard,
    codes: BadgeCodes,
    role: string | null | undefined,
    x: number,
    y: number,
    w: number,
    h: number,
  ) {
    const doc = this.doc;
    const pad = 8;
    const band = GROUP_BANDS[card.stakeholderGroup];
    const groupName = GROUP_NAMES[card.preferredLanguage]?.[card.stakeholderGroup] ?? card.stakeholderGroup;
    const bandHeight = 22;
    // The group: a colour band with its name on it (the colour never carries the meaning alone).
    doc.save().rect(x, y, w, bandHeight).fill(band.fill).restore();
    useFont(doc, 'bold', groupName).fontSize(10).fillColor(band.ink);
    boxText(doc, 'bold', groupName.toUpperCase(), x + pad, y + 6, {
      width: w - 2 * pad,
      height: bandHeight,
      lineBreak: false,
      ellipsis: true,
    });

    const qrSize = Math.min(h - bandHeight - 2 * pad - 10, w * 0.38);
    const textWidth = w - 3 * pad - qrSize;
    let ty = y + bandHeight + pad;
    useFont(doc, 'regular', this.dialogue.title).fillColor('#000000').fontSize(7);
    boxText(doc, 'regular', this.dialogue.title, x + pad, ty, {
      width: w - 2 * pad,
      height: 9,
      lineBreak: false,
      ellipsis: true,
    });
    ty += 9;
    useFont(doc, 'regular', this.dialogue.dates).fillColor('#444444');
    boxText(doc, 'regular', this.dialogue.dates, x + pad, ty, {
      width: w - 2 * pad,
      height: 9,
      lineBreak: false,
      ellipsis: true,
    });
    ty += 14;
    const name = [card.title, card.firstName, card.lastName].filter(Boolean).join(' ');
    useFont(doc, 'bold', name)
      .fillColor('#000000')
      .fontSize(name.length > 24 ? 13 : 16);
    boxText(doc, 'bold', name, x + pad, ty, { width: textWidth, lines: 2, ellipsis: true });
    ty = doc.y + 4;
    useFont(doc, 'regular', card.organization).fontSize(9);
    boxText(doc, 'regular', card.organization, x + pad, ty, { width: textWidth, lines: 2, ellipsis: true });
    ty = doc.y + 2;
    useFont(doc, 'regular', card.country).fillColor('#444444').fontSize(8);
    boxText(doc, 'regular', card.country, x + pad, ty, { width: textWidth, lineBreak: false });
    if (role) {
      ty = doc.y + 2;
      useFont(doc, 'bold', role).fillColor('#000000').fontSize(8);
      boxText(doc, 'bold', role, x + pad, ty, { width: textWidth, lineBreak: false, ellipsis: true });
    }
    const qx = x + w - pad - qrSize;
    const qy = y + bandHeight + pad + 18;
    drawQr(doc, codes.checkInCode, qx, qy, qrSize);
    // The desk code under the QR, as on the manage page: what door staff type (docs/check-in.md).
    if (codes.deskCode) {
      useFont(doc, 'bold', codes.deskCode).fillColor('#000000').fontSize(10);
      doc.text(codes.deskCode, qx, qy + qrSize + 3, { width: qrSize, align: 'center', lineBreak: false });
    }
    doc.fillColor('#000000');
  }
}
