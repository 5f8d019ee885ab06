import { ParseUUIDPipe } from '@nestjs/common';
import { notFound } from '../problem/problem.exception';

/** Route ids: a malformed id names nothing that exists, so it gets the same 404 as an unknown one. */
export const uuidPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Resource') });
