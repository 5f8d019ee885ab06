import { applyDecorators, type Type as ClassType } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsObject, ValidateNested } from 'class-validator';

/**
 * An array of objects of one DTO: the array and each element checked. An element that is not
 * an object (null, a string, a nested array) is refused as "<field> must be an object" before
 * anything reads its fields.
 */
export const IsArrayOf = (dto: () => ClassType) =>
  applyDecorators(
    IsArray(),
    IsObject({ each: true, message: ({ property }) => `each element of ${property} must be an object` }),
    ValidateNested({ each: true }),
    Type(dto),
  );
