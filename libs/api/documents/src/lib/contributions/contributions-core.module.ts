import { Module } from '@nestjs/common';
import { ContributionLinks } from './contribution-links';
import { ContributionsRepository } from './contributions.repository';

/** What the worker needs of contributions (and the API too): the table and the confirmation links. */
@Module({
  providers: [ContributionsRepository, ContributionLinks],
  exports: [ContributionsRepository, ContributionLinks],
})
export class ContributionsCoreModule {}
