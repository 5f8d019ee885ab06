import { type ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { cacheValidationMetadata } from '../validation/metadata-cache';
import { fastPathOf } from '../validation/precompiled-validation';
import { mustNotBeNull } from '../validation/nullability.decorators';
import { msg } from '../i18n/catalogue';
import { checkTranslations, translationIssueMessage } from '../i18n/content';
import { FieldError, ProblemException } from './problem.exception';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    // A null that reached the checks was refused (nullable fields skip them): say so, once.
    if (error.value === null && error.constraints && Object.keys(error.constraints).length) {
      out.push({ field, message: mustNotBeNull(field), code: 'notNull' });
      continue;
    }
    for (const [code, message] of Object.entries(error.constraints ?? {})) {
      // Content translations: one error per wrong path (`translations.fr.title`, maxLength…).
      const limits = (error.contexts?.[code] as { translationLimits?: Record<string, { max: number }> } | undefined)
        ?.translationLimits;
      if (code === 'isContentTranslations' && limits) {
        for (const issue of checkTranslations(error.value, limits, field)) {
          out.push({ field: issue.path, message: translationIssueMessage(issue, limits), code: issue.code });
        }
        continue;
      }
      out.push({ field, message: code === 'whitelistValidation' ? `Unknown field "${field}".` : message, code });
    }
    if (error.children?.length) out.push(...flatten(error.children, field));
  }
  return out;
}

/**
 * The global pipe, with the precompiled fast path in front for bodies of classes marked
 * `@PrecompiledValidation()`: a body the plan takes as plainly valid becomes the instance the
 * full pipe would have made; any other goes through the full pipe (which refuses or accepts).
 */
class GlobalValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body') {
      const entity = fastPathOf(metadata.metatype)?.(value);
      if (entity) return entity;
    }
    return super.transform(value, metadata);
  }
}

/** The global pipe: strips nothing silently, refuses unknown fields, converts types. */
export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new GlobalValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fieldErrors = flatten(errors);
      return new ProblemException(400, 'invalid-input', msg('platform.invalidFields'), fieldErrors);
    },
  });
}
