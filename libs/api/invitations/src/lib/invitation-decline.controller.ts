import { Controller, Get, Header, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { InvitationDeclineView } from '@gfmd/contracts';
import { AppConfig, notFound, Public } from '@gfmd/api-platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { InvitationsService } from './invitations.service';

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * The invitee's decline link (public). The email links to the web app's page
 * (/invitations/decline/:token), which reads GET here and declines with POST when the invitee
 * confirms. GET never changes anything (mail scanners fetch links); a browser that opens the GET
 * of an older email (which linked here) is sent on to the web page. POST declines — it is also
 * the RFC 8058 List-Unsubscribe one-click target; a plain browser form post is sent on to the page.
 */
@ApiTags('invitations')
@Public()
@Controller('invitations/decline')
export class InvitationDeclineController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly config: AppConfig,
  ) {}

  @Get(':token')
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  @ApiOkResponse({ description: '{dialogueId, dialogueTitle, language, status}; 404 for an unknown token.' })
  async preview(
    @Param('token') token: string,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<InvitationDeclineView | undefined> {
    if (!TOKEN.test(token)) throw notFound('Invitation');
    if (/\btext\/html\b/i.test(req.headers.accept ?? '')) {
      // An older email's link, opened in a browser: the page is the web app's.
      res.redirect(this.webPage(token), 302);
      return undefined;
    }
    return this.invitations.declinePreview(token);
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
      // The button of an older decline page: show the web page, which now says it is declined.
      res.redirect(this.webPage(token), 303);
      return undefined;
    }
    return result;
  }

  private webPage(token: string): string {
    return `${this.config.publicUrl}/invitations/decline/${token}`;
  }
}
