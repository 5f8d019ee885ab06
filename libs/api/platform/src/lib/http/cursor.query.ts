import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { OptionalButNotNull } from '../validation/nullability.decorators';

/**
 * How a list words its rows and their order in the descriptions of `after` and `before` (the
 * OpenAPI document): each list keeps its own sentence ("The lines after it, newest first").
 */
export interface CursorWording {
  /** The rows `after` answers, e.g. 'The rows after it, newest first'. */
  after: string;
  /** The rows `before` answers, e.g. 'The rows just before it, newest first'. */
  before: string;
  /** Said of both, after the rest, e.g. 'Ignored by the CSV export.' */
  note?: string;
}

// The constructor type TypeScript's mixins take (its `any[]` is what the language requires).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor = new (...args: any[]) => object;

/**
 * The keyset cursor of a staff list's query (docs/http-contract.md: keyset paging of the large staff lists): `after` and
 * `before`, opaque strings of at most 400 characters, checked and decoded by the list's service.
 * A mixin over the list's own filters, not a plain base class: Swagger lists a class's inherited
 * properties first, and the cursor fields stay last among the query parameters, as they were.
 *
 *   export class ListOutboxQuery extends CursorQueryDto(OutboxFilters, wording) implements … {}
 */
export function CursorQueryDto<TFilters extends Constructor>(Filters: TFilters, wording: CursorWording) {
  const note = wording.note ? ` ${wording.note}` : '';
  class CursorQuery extends Filters {
    @ApiPropertyOptional({
      description: `Keyset paging: the nextCursor of the previous page (opaque). ${wording.after}, with the same filters; \`page\` then only labels the answer. A cursor not made by this list: 400.${note}`,
      maxLength: 400,
    })
    @OptionalButNotNull()
    @IsString()
    @MaxLength(400)
    after?: string;

    @ApiPropertyOptional({
      description: `Keyset paging backwards: the prevCursor of the next page (opaque). ${wording.before}, with the same filters; \`page\` then only labels the answer. Not with after; a cursor not made by this list: 400.${note}`,
      maxLength: 400,
    })
    @OptionalButNotNull()
    @IsString()
    @MaxLength(400)
    before?: string;
  }
  return CursorQuery;
}
