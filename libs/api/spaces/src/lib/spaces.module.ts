import { Module } from '@nestjs/common';

/** Spaces: filled in by its issue's work. */
@Module({})
export class SpacesModule {}
