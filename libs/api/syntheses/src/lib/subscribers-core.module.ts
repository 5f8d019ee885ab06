import { Module } from '@nestjs/common';
import { SubscribersRepository } from './subscribers.repository';
import { SubscribersService } from './subscribers.service';

/**
 * The subscribers without routes: the worker imports it so the confirm and unsubscribe links of
 * subscribers' emails are minted when they are sent; the person's export and erasure use it.
 */
@Module({
  providers: [SubscribersRepository, SubscribersService],
  exports: [SubscribersService],
})
export class SubscribersCoreModule {}
