import { Module } from '@nestjs/common';
import { QueueBoard } from './queue-board';
import { QueueBoardController } from './queue-board.controller';

/** Bull Board at /admin/queues (admins only). Import in the HTTP app only; needs MailModule and AuthModule. */
@Module({ controllers: [QueueBoardController], providers: [QueueBoard] })
export class QueueBoardModule {}
