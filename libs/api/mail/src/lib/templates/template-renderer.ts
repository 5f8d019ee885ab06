import { Injectable } from '@nestjs/common';
import type { EmailKind, Language } from '@gfmd/contracts';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * Parameters a template may use. Every value is escaped when rendered into HTML; subjects and
 * headers never carry CR/LF.
 */
export interface TemplateParams {
  recipientName?: string;
  dialogueTitle?: string;
  dialogueWhen?: string;
  dialogueVenue?: string;
  manageUrl?: string;
  registerUrl?: string;
  declineUrl?: string;
  message?: string;
  spaces?: { name: string; status: string }[];
  agenda?: { when: string; title: string; where?: string }[];
  [key: string]: unknown;
}

const escapeHtml = (s: unknown) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
// eslint-disable-next-line no-control-regex
const oneLine = (s: unknown) => String(s ?? '').replace(/[\u0000-\u001F\u007F\u2028\u2029]+/g, ' ').trim();

const SUBJECTS: Record<Language, Partial<Record<EmailKind, string>>> = {
  en: {
    invitation: 'Invitation: {dialogueTitle}',
    confirmation: 'Registration confirmed: {dialogueTitle}',
    waitlisted: 'You are on the waiting list: {dialogueTitle}',
    pending: 'Registration received, awaiting approval: {dialogueTitle}',
    promoted: 'A seat is now yours: {dialogueTitle}',
    approved: 'Registration approved: {dialogueTitle}',
    declined: 'Registration declined: {dialogueTitle}',
    cancelled: 'Registration cancelled: {dialogueTitle}',
    agenda: 'Your agenda: {dialogueTitle}',
    agenda_update: 'Agenda updated: {dialogueTitle}',
    reminder: 'Reminder: {dialogueTitle} is coming up',
    space_message: 'Message about {dialogueTitle}',
  },
  fr: {
    invitation: 'Invitation : {dialogueTitle}',
    confirmation: 'Inscription confirmée : {dialogueTitle}',
    waitlisted: "Vous êtes sur la liste d'attente : {dialogueTitle}",
    pending: 'Inscription reçue, en attente d’approbation : {dialogueTitle}',
    promoted: 'Une place vous est attribuée : {dialogueTitle}',
    approved: 'Inscription approuvée : {dialogueTitle}',
    declined: 'Inscription refusée : {dialogueTitle}',
    cancelled: 'Inscription annulée : {dialogueTitle}',
    agenda: 'Votre programme : {dialogueTitle}',
    agenda_update: 'Programme mis à jour : {dialogueTitle}',
    reminder: 'Rappel : {dialogueTitle} approche',
    space_message: 'Message concernant {dialogueTitle}',
  },
  es: {
    invitation: 'Invitación: {dialogueTitle}',
    confirmation: 'Inscripción confirmada: {dialogueTitle}',
    waitlisted: 'Está en la lista de espera: {dialogueTitle}',
    pending: 'Inscripción recibida, pendiente de aprobación: {dialogueTitle}',
    promoted: 'Ya tiene una plaza: {dialogueTitle}',
    approved: 'Inscripción aprobada: {dialogueTitle}',
    declined: 'Inscripción rechazada: {dialogueTitle}',
    cancelled: 'Inscripción cancelada: {dialogueTitle}',
    agenda: 'Su programa: {dialogueTitle}',
    agenda_update: 'Programa actualizado: {dialogueTitle}',
    reminder: 'Recordatorio: {dialogueTitle} se acerca',
    space_message: 'Mensaje sobre {dialogueTitle}',
  },
};

/**
 * Renders every email kind in English, French and Spanish (HTML + plain text).
 * (Baseline renderer; the mail work refines the bodies per kind.)
 */
@Injectable()
export class TemplateRenderer {
  render(kind: EmailKind, language: Language, params: TemplateParams): RenderedEmail {
    const lang: Language = SUBJECTS[language] ? language : 'en';
    const subject = oneLine(
      (SUBJECTS[lang][kind] ?? SUBJECTS.en[kind] ?? '{dialogueTitle}').replace('{dialogueTitle}', oneLine(params.dialogueTitle)),
    ).slice(0, 250);
    const lines = [subject, params.dialogueWhen, params.dialogueVenue, params.message, params.manageUrl ?? params.registerUrl]
      .filter(Boolean)
      .map((l) => String(l));
    const text = lines.join('\n\n');
    const html = `<!doctype html><html lang="${lang}"><body>${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</body></html>`;
    return { subject, html, text };
  }
}

export { escapeHtml, oneLine };
