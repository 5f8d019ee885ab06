import { Module } from '@nestjs/common';
import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule } from '@gfmd/api-dialogues';
import { PlatformModule } from '@gfmd/api-platform';

/** The HTTP API: every domain module on the shared platform. */
@Module({
  imports: [PlatformModule, AuthModule, DialoguesModule],
})
export class AppModule {}
