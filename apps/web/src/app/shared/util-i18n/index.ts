export * from './i18n.service';
export * from './translate.pipe';
export * from './i18n-title.strategy';
export * from './message-format.util';
export type { TranslationKey, Dictionary } from './dictionaries/en';
