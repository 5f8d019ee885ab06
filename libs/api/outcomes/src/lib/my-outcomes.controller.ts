import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@gfmd/api-auth';
import { OutcomeDraftingService } from './outcome-drafting.service';

/** A staff member's own outcomes: those naming them rapporteur (docs/http-contract.md, "Outcomes"). */
@ApiTags('outcomes')
@ApiBearerAuth()
@Controller('outcomes')
export class MyOutcomesController {
  constructor(private readonly drafting: OutcomeDraftingService) {}

  /** Any staff role (rapporteurs are staff users of any role); the last changed first. */
  @Roles('organizer', 'coordinator')
  @Get('mine')
  @ApiOkResponse({ description: '{items: RapporteurOutcome[], total, page, pageSize}' })
  mine(@CurrentUser() user: AuthUser) {
    return this.drafting.mine(user);
  }
}
