import { Module } from '@nestjs/common';

/** Registrations: filled in by its issue's work. */
@Module({})
export class RegistrationsModule {}
