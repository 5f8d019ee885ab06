import { Module } from '@nestjs/common';

/** Agenda: filled in by its issue's work. */
@Module({})
export class AgendaModule {}
