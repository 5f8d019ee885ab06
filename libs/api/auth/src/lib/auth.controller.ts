import { Body, Controller, Get, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ROLES } from '@gfmd/contracts';
import { Public, RateLimit } from '@gfmd/api-platform';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { ChangePasswordDto } from './change-password.dto';
import { LoginDto } from './login.dto';
import { CurrentUser, Roles } from './roles.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @RateLimit('login')
  @Post('login')
  @HttpCode(200)
  login(@Body() body: LoginDto) {
    return this.auth.login(body.email, body.password);
  }

  /** Signs the request's token out: from the next request on it is refused (401). */
  @ApiBearerAuth()
  @Roles(...ROLES)
  @Post('logout')
  @HttpCode(204)
  async logout(@Headers('authorization') authorization: string): Promise<void> {
    await this.auth.logout(authorization.replace(/^Bearer\s+/i, '').trim());
  }

  /** Changes the signed-in person's own password (the staff password rule applies). */
  @ApiBearerAuth()
  @Roles(...ROLES)
  @RateLimit('login')
  @Post('password')
  @HttpCode(204)
  async changePassword(@CurrentUser() user: AuthUser, @Body() body: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(user.id, body.currentPassword, body.newPassword);
  }

  @ApiBearerAuth()
  @Roles(...ROLES)
  @Get('me')
  me(@CurrentUser() user: AuthUser) {
    return user;
  }
}
