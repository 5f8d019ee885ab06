import { ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { IsUUID, validateSync } from 'class-validator';
import { OptionalButNotNull } from '../validation/nullability.decorators';
import { CursorQueryDto } from './cursor.query';

class Filters {
  @ApiPropertyOptional() @OptionalButNotNull() @IsUUID() dialogueId?: string;
}
class ListQuery extends CursorQueryDto(Filters, { after: 'The rows after it', before: 'The rows just before it' }) {}

// @nestjs/swagger's metadata keys (DECORATORS in its dist/constants, which Jest's resolver cannot load).
const SWAGGER = { list: 'swagger/apiModelPropertiesArray', property: 'swagger/apiModelProperties' };

const problems = (plain: object) =>
  validateSync(plainToInstance(ListQuery, plain)).map((e) => `${e.property}: ${Object.keys(e.constraints ?? {})}`);

describe('CursorQueryDto', () => {
  it('takes the cursor fields with the filters, and refuses a null, a non-string or an over-long cursor', () => {
    expect(problems({ dialogueId: '8f14e45f-ceea-467f-a0c6-2f1a7b6e5c3d', after: 'abc', before: 'def' })).toEqual([]);
    expect(problems({ dialogueId: 'x', after: 'a'.repeat(401), before: null })).toEqual([
      'dialogueId: isUuid',
      'after: maxLength',
      'before: maxLength,isString,notNull',
    ]);
    expect(problems({ after: 12 })).toEqual(['after: maxLength,isString']);
  });

  it('lists the cursor fields after the filters in the OpenAPI document, worded by the list', () => {
    const properties = Reflect.getMetadata(SWAGGER.list, ListQuery.prototype);
    expect(properties).toEqual([':dialogueId', ':after', ':before']);
    const after = Reflect.getMetadata(SWAGGER.property, ListQuery.prototype, 'after');
    expect(after.description).toBe(
      'Keyset paging: the nextCursor of the previous page (opaque). The rows after it, with the same filters; `page` then only labels the answer. A cursor not made by this list: 400.',
    );
    expect(after.maxLength).toBe(400);
  });
});
