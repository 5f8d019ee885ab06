import { Controller, Get, Header, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Language } from '@gfmd/contracts';
import { notFound, Public } from '@gfmd/api-platform';
import { escapeHtml } from '@gfmd/api-mail';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { InvitationsService } from './invitations.service';

const TEXT: Record<Language, { title: string; ask: string; button: string; done: string; registered: string }> = {
  en: {
    title: 'Decline the invitation',
    ask: 'Do you want to decline the invitation to “{title}”? We will not write to you about it again.',
    button: 'Decline the invitation',
    done: 'You have declined the invitation. Thank you for letting us know.',
    registered: 'You have registered with this invitation already; cancel with the link in your confirmation email.',
  },
  fr: {
    title: 'Décliner l’invitation',
    ask: 'Voulez-vous décliner l’invitation à « {title} » ? Nous ne vous écrirons plus à ce sujet.',
    button: 'Décliner l’invitation',
    done: 'Vous avez décliné l’invitation. Merci de nous en avoir informés.',
    registered:
      'Vous êtes déjà inscrit·e avec cette invitation ; annulez avec le lien de votre courriel de confirmation.',
  },
  es: {
    title: 'Rechazar la invitación',
    ask: '¿Desea rechazar la invitación a «{title}»? No le volveremos a escribir sobre ella.',
    button: 'Rechazar la invitación',
    done: 'Ha rechazado la invitación. Gracias por avisarnos.',
    registered: 'Ya se ha inscrito con esta invitación; cancele con el enlace de su correo de confirmación.',
  },
};

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;
const HTML = 'text/html; charset=utf-8';

const page = (lang: Language, body: string) =>
  `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
  `<title>${escapeHtml(TEXT[lang].title)}</title></head><body style="font-family:Arial,Helvetica,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1f2933">` +
  `<h1 style="font-size:1.5rem">${escapeHtml(TEXT[lang].title)}</h1>${body}</body></html>`;

/**
 * The invitee's decline link (public). GET shows a confirmation page and changes nothing, since
 * mail scanners fetch links; POST declines — that is also the RFC 8058 List-Unsubscribe one-click
 * target, and what the page's button sends. POST answers JSON to API clients, HTML to a browser form.
 */
@ApiTags('invitations')
@Public()
@Controller('invitations/decline')
export class InvitationDeclineController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get(':token')
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  async preview(@Param('token') token: string, @Res() res: FastifyReply) {
    if (!TOKEN.test(token)) return res.status(404).type(HTML).send(page('en', '<p>Not found.</p>'));
    const info = await this.invitations.declinePreview(token).catch(() => null);
    if (!info) return res.status(404).type(HTML).send(page('en', '<p>Not found.</p>'));
    const t = TEXT[info.language] ?? TEXT.en;
    const body =
      info.status === 'declined'
        ? `<p>${escapeHtml(t.done)}</p>`
        : info.status === 'registered'
          ? `<p>${escapeHtml(t.registered)}</p>`
          : `<p>${escapeHtml(t.ask).replace('{title}', escapeHtml(info.dialogueTitle))}</p>` +
            `<form method="post"><button type="submit" style="font-size:1rem;padding:.6rem 1.2rem">${escapeHtml(t.button)}</button></form>`;
    return res
      .status(200)
      .type(HTML)
      .send(page(info.language ?? 'en', body));
  }

  @Post(':token')
  @HttpCode(200)
  @ApiOkResponse({ description: '{status: "declined"}; 404 for an unknown token; 409 when already registered.' })
  async decline(
    @Param('token') token: string,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    if (!TOKEN.test(token)) throw notFound('Invitation');
    const result = await this.invitations.decline(token);
    const oneClick = (req.body as Record<string, unknown> | undefined)?.['List-Unsubscribe'] === 'One-Click';
    const form = /^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? '');
    if (form && !oneClick) {
      const info = await this.invitations.declinePreview(token);
      res.type(HTML);
      return page(info.language, `<p>${escapeHtml((TEXT[info.language] ?? TEXT.en).done)}</p>`);
    }
    return result;
  }
}
