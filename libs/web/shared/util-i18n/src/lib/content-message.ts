import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ReaderLanguage } from '@gfmd/contracts';
import { ContentLangDirective } from './content-lang.directive';
import type { TranslationKey } from './dictionaries/en';
import type { I18n } from './i18n.service';
import type { TranslationParams } from './message-format.util';

/**
 * A piece of a message: the interface's words (no `lang`), or content (a space's name, a
 * dialogue's title…) with the language it is in, marked where it is not the page's.
 */
export interface MessagePart {
  readonly text: string;
  readonly lang?: ReaderLanguage | string | null;
}

/** A message as the pages keep it: the interface's words alone, or parts around content. */
export type ContentMessage = string | readonly MessagePart[];

/** Stands for the content while the message is translated: never in a dictionary nor in content. */
const SLOT = '\u0000';

/**
 * A translated message with one parameter that is content, in parts: the content in its own part
 * with its language, so that a fallback (English words on a French page) is read in its language
 * inside the interface's sentence (docs/i18n.md, "Content in several languages"). The parameter
 * may appear more than once, or not at all.
 */
export function contentMessage(
  i18n: I18n,
  key: TranslationKey,
  params: TranslationParams,
  content: { readonly param: string; readonly text: string; readonly lang: ReaderLanguage | string | null },
): MessagePart[] {
  const pieces = i18n.t(key, { ...params, [content.param]: SLOT }).split(SLOT);
  return pieces.flatMap((text, i) => [
    ...(i > 0 ? [{ text: content.text, lang: content.lang }] : []),
    ...(text ? [{ text }] : []),
  ]);
}

/** The whole sentence as plain text (a test, a title attribute). */
export function messageText(message: ContentMessage): string {
  return typeof message === 'string' ? message : message.map((p) => p.text).join('');
}

/**
 * `<p role="status"><gfmd-message [message]="message()" /></p>`: the whole message as text (the
 * element is inline), each piece of content in a `<span lang>` when it is in another language than
 * the page's; a live region keeps announcing the full sentence.
 */
@Component({
  selector: 'gfmd-message',
  imports: [ContentLangDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The compiler drops the whitespace between the blocks (preserveWhitespaces is off): the pieces
  // join exactly; each text sits alone in its element so that no space is added around it.
  template: `@for (p of parts(); track $index) {
    @if (p.lang) {
      <span [gfmdContentLang]="p.lang">{{ p.text }}</span>
    } @else {
      <ng-container>{{ p.text }}</ng-container>
    }
  }`,
})
export class ContentMessageComponent {
  readonly message = input<ContentMessage>('');
  protected readonly parts = computed<readonly MessagePart[]>(() => {
    const message = this.message();
    return typeof message === 'string' ? (message ? [{ text: message }] : []) : message;
  });
}
