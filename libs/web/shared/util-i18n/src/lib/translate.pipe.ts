import { Pipe, type PipeTransform, inject } from '@angular/core';
import type { TranslationKey } from './dictionaries/en';
import { I18n, type LabelKind, type DatePreset } from './i18n.service';
import type { TranslationParams } from './message-format.util';

/** `{{ 'nav.dialogues' | t }}`. Impure so that a language switch re-renders OnPush views. */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(key: TranslationKey, params?: TranslationParams): string {
    return this.i18n.t(key, params);
  }
}

/** `{{ registration.stakeholderGroup | label: 'group' }}` */
@Pipe({ name: 'label', pure: false })
export class LabelPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(value: string | null | undefined, kind: LabelKind): string {
    return this.i18n.label(kind, value);
  }
}

/** `{{ item.startsAt | localDate: 'time' : dialogue.timeZone }}` formatted in the chosen language. */
@Pipe({ name: 'localDate', pure: false })
export class LocalDatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(value: string | Date | null | undefined, preset: DatePreset = 'dateTime', timeZone?: string): string {
    return this.i18n.formatDate(value, preset, timeZone);
  }
}

/** `{{ 1234 | localNumber }}` */
@Pipe({ name: 'localNumber', pure: false })
export class LocalNumberPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(value: number | null | undefined): string {
    return this.i18n.formatNumber(value);
  }
}

/** `{{ 'SN' | country }}` → "Senegal" / "Sénégal" / "Senegal" */
@Pipe({ name: 'country', pure: false })
export class CountryPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(code: string | null | undefined): string {
    return this.i18n.countryName(code);
  }
}

export const I18N_PIPES = [TranslatePipe, LabelPipe, LocalDatePipe, LocalNumberPipe, CountryPipe] as const;
