import { Controller, Delete, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@gfmd/api-auth';
import { AppConfig } from '@gfmd/api-platform';
import type { FastifyReply } from 'fastify';
import { boardCookie, BOARD_TOKEN_TTL_SECONDS, issueBoardToken } from './board-token';

/**
 * Lets a browser reach the admin-only queue board: an admin (Bearer token) asks for a session,
 * which sets an HttpOnly, SameSite=Strict cookie valid 15 minutes and only under /admin/queues.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/queues/session')
export class QueueBoardController {
  constructor(private readonly config: AppConfig) {}

  @Post()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Cookie set; open /admin/queues in the same browser.' })
  open(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: FastifyReply): void {
    res.header(
      'Set-Cookie',
      boardCookie(issueBoardToken(this.config.jwtSecret, user.id), {
        maxAgeSeconds: BOARD_TOKEN_TTL_SECONDS,
        secure: this.config.publicUrl.startsWith('https://'),
      }),
    );
  }

  @Delete()
  @HttpCode(204)
  close(@Res({ passthrough: true }) res: FastifyReply): void {
    res.header(
      'Set-Cookie',
      boardCookie('', { maxAgeSeconds: 0, secure: this.config.publicUrl.startsWith('https://') }),
    );
  }
}
