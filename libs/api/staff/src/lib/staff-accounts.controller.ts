import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Roles } from '@gfmd/api-auth';
import { Public, RateLimit, uuidPipe } from '@gfmd/api-platform';
import type { User } from '@gfmd/contracts';
import {
  AdminPasswordResetDto,
  ConfirmPasswordResetDto,
  InviteUserDto,
  RequestPasswordResetDto,
} from './staff-links.dto';
import { StaffAccountsService } from './staff-accounts.service';

/** Admins invite staff and send reset links; every staff member sets a password from an emailed link. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class StaffUsersController {
  constructor(private readonly staff: StaffAccountsService) {}

  /** Admins invite a staff member by email: they set their own password from a single-use link (72 h). */
  @Roles('admin')
  @ApiCreatedResponse({ description: 'The account (invitationPending: true); the invitation email is in the outbox.' })
  @Post('invitations')
  invite(@CurrentUser() actor: AuthUser, @Body() body: InviteUserDto): Promise<User> {
    return this.staff.invite(body, actor.id);
  }

  /** Admins email a staff member a single-use link to choose a new password (72 h). 422 for a deactivated account. */
  @Roles('admin')
  @ApiAcceptedResponse({ description: 'The email is in the outbox.' })
  @Post(':id/password-reset')
  @HttpCode(202)
  async passwordReset(
    @CurrentUser() actor: AuthUser,
    @Param('id', uuidPipe) id: string,
    @Body() body: AdminPasswordResetDto,
  ): Promise<void> {
    await this.staff.sendPasswordReset(id, actor.id, body?.language);
  }
}

@ApiTags('auth')
@Controller('auth')
export class PasswordResetController {
  constructor(private readonly staff: StaffAccountsService) {}

  /**
   * Anyone asks for a password reset link: always 202, whether or not the email has an account
   * (nothing leaks); rate-limited like sign-in.
   */
  @Public()
  @RateLimit('login')
  @ApiAcceptedResponse({ description: 'If the email has an active staff account, a link is on its way.' })
  @Post('password-reset')
  @HttpCode(202)
  async request(@Body() body: RequestPasswordResetDto): Promise<void> {
    await this.staff.requestPasswordReset(body.email, body.language);
  }

  /** Sets a password from an emailed link (invitation or reset): 204; 410 when the link was used or has expired. */
  @Public()
  @RateLimit('login')
  @ApiNoContentResponse()
  @Post('password-reset/confirm')
  @HttpCode(204)
  async confirm(@Body() body: ConfirmPasswordResetDto): Promise<void> {
    await this.staff.confirm(body.token, body.password);
  }
}
