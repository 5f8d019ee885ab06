export * from './lib/i18n.service';
export * from './lib/translate.pipe';
export * from './lib/i18n-title.strategy';
export * from './lib/message-format.util';
export * from './lib/content-lang.directive';
export type { TranslationKey, Dictionary, PublicKey, PublicDictionary } from './lib/dictionaries/en';
export type { StaffKey, StaffDictionary } from './lib/dictionaries/en-staff';
export * from './lib/collator';
export * from './lib/language-url';
