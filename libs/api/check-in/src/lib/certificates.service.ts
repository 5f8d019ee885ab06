import { Injectable } from '@nestjs/common';
import { DialoguesService } from '@gfmd/api-dialogues';
import {
  AppConfig,
  domainRule,
  drawBidiText,
  hasRtl,
  notFound,
  msg,
  pdfTextFonts,
  type PdfWeight,
  withoutBidiControls,
} from '@gfmd/api-platform';
import { CheckInPort, type CheckInCard } from '@gfmd/api-registrations';
import type { CertificateVerification } from '@gfmd/contracts';
import type { Readable } from 'node:stream';
import { drawQr, newPdf, useFont } from './badge-sheet';
import { CERTIFICATE_WORDS, dialogueDates } from './badge-words';
import { signCertificateCode, verifyCertificateCode } from './check-in-code.util';

const fullName = (c: CheckInCard) => [c.title, c.firstName, c.lastName].filter(Boolean).join(' ');

/**
 * Certificates of attendance: a checked-in participant downloads theirs from the manage link once
 * the dialogue has ended; its public verification URL (GET /certificates/:code) confirms the name,
 * the dialogue and its dates, and nothing more. An erased person's certificate no longer verifies.
 */
@Injectable()
export class CertificatesService {
  constructor(
    private readonly config: AppConfig,
    private readonly port: CheckInPort,
    private readonly dialogues: DialoguesService,
  ) {}

  verifyUrl(code: string): string {
    return `${this.config.publicUrl}/api/v1/certificates/${code}`;
  }

  async pdf(token: string): Promise<{ stream: Readable; name: string }> {
    const card = await this.port.byManageToken(token);
    if (!card) throw notFound('Registration');
    const d = await this.dialogues.findRecord(card.dialogueId);
    if (!card.checkedInAt || d.endsAt.getTime() > Date.now()) {
      throw domainRule('certificate-not-available', msg('checkIn.certificateNotAvailable'));
    }
    const words = CERTIFICATE_WORDS[card.preferredLanguage] ?? CERTIFICATE_WORDS.en;
    const code = signCertificateCode(this.config.checkInSecret, card.id);
    const url = this.verifyUrl(code);
    const doc = newPdf('A4', { title: words.title });
    doc.addPage();
    const width = 595.28 - 144;
    /**
     * A centred line (or lines) in the font of `weight` that can print it (CJK or not); text with
     * right-to-left letters is displayed right to left, and text that needs several fonts is set
     * run by run (drawBidiText).
     */
    const centred = (words: string, moveDown: number, weight: PdfWeight) => {
      const text = withoutBidiControls(words); // names and titles from rows (see text.util)
      useFont(doc, weight, text);
      doc.moveDown(moveDown);
      const fonts = pdfTextFonts(doc, weight, text);
      if (hasRtl(text) || fonts.mixed) drawBidiText(doc as never, text, 72, doc.y, { width, align: 'center', fonts });
      else doc.text(text, { width, align: 'center' });
    };
    doc.fontSize(26).fillColor('#0B3D6B');
    doc.x = 72;
    doc.y = 140;
    centred(words.title, 0, 'bold');
    doc.fontSize(20).fillColor('#000000');
    centred(fullName(card), 2, 'bold');
    doc.fontSize(13);
    centred(words.attended, 1, 'regular');
    doc.fontSize(16);
    centred(d.title, 1, 'bold');
    doc.fontSize(13);
    centred(`${words.on} ${dialogueDates(d.startsAt, d.endsAt, d.timeZone, card.preferredLanguage)}`, 1, 'regular');
    if (d.venue) centred(d.venue, 0.5, 'regular');
    drawQr(doc, url, (595.28 - 110) / 2, 560, 110);
    doc.fontSize(9).fillColor('#444444');
    doc.x = 72;
    doc.y = 690;
    centred(words.verify, 0, 'regular');
    doc.font('regular');
    doc.text(url, { width, align: 'center' });
    doc.end();
    return { stream: doc, name: 'certificate' };
  }

  async verify(code: string): Promise<CertificateVerification> {
    const id = verifyCertificateCode(this.config.checkInSecret, code);
    const card = id ? await this.port.card(id) : null;
    if (!card || !card.checkedInAt) throw notFound('Certificate');
    const d = await this.dialogues.findRecord(card.dialogueId);
    if (d.endsAt.getTime() > Date.now()) throw notFound('Certificate');
    return {
      valid: true,
      name: fullName(card),
      dialogue: {
        title: d.title,
        startsAt: d.startsAt.toISOString(),
        endsAt: d.endsAt.toISOString(),
        timeZone: d.timeZone,
      },
    };
  }
}
