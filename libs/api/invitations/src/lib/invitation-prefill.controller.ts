import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { InvitationPrefill } from '@gfmd/contracts';
import { notFound, Public } from '@gfmd/api-platform';
import { InvitationsService } from './invitations.service';

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * The invitee's registration form fills itself from their link (public): the email (which the
 * registration must use), name, stakeholder group and language the invitation holds.
 */
@ApiTags('invitations')
@Public()
@Controller('invitations/by-token')
export class InvitationPrefillController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get(':token')
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  @ApiOkResponse({ description: 'What the invitation holds; 404 for an unknown or used invitation.' })
  prefill(@Param('token') token: string): Promise<InvitationPrefill> {
    if (!TOKEN.test(token)) throw notFound('Invitation');
    return this.invitations.prefill(token);
  }
}
