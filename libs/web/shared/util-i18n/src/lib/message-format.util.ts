// One implementation for the app and for the words the server paints into the public pages
// (PUBLIC_SHELL_WORDS): it lives in the contracts.
export { formatMessage, type TranslationParams } from '@gfmd/contracts';
