import { Injectable } from '@nestjs/common';
import { ProblemException, msg, t, type MessageKey } from '@gfmd/api-platform';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/** The lowest zxcvbn score a staff password may have (0–4; 3: "safely unguessable"). */
export const MIN_PASSWORD_SCORE = 3;

export interface PasswordVerdict {
  ok: boolean;
  score: number;
  /** zxcvbn's warning and suggestions, in the request's language (catalogue); empty when ok. */
  feedback: string;
}

/**
 * Staff passwords must not be common, breached-list or built from the person's own email or
 * name: zxcvbn (with its common and English dictionaries) must score them at least 3.
 * The dictionaries (~0.4 s to load) are loaded on the first check, not at boot: logins and
 * registrations never load them.
 */
@Injectable()
export class PasswordPolicy {
  private estimator?: Promise<ZxcvbnFactory>;

  async judge(password: string, userInputs: readonly string[]): Promise<PasswordVerdict> {
    const zxcvbn = await (this.estimator ??= loadEstimator());
    const result = zxcvbn.check(password, knownWords(userInputs));
    const ok = result.score >= MIN_PASSWORD_SCORE;
    // the estimator "translates" each feedback into its own code (see loadEstimator)
    const parts = [result.feedback.warning, ...result.feedback.suggestions]
      .map((code) => (code ? FEEDBACK[code] : undefined))
      .filter((key): key is MessageKey => !!key)
      .map((key) => t({ key }));
    return {
      ok,
      score: result.score,
      feedback: ok ? '' : (parts.length ? parts : [t(msg('auth.weakPassword.hint'))]).join(' '),
    };
  }

  /** Throws a 400 problem (`weak-password`, the feedback as the error of `field`) when too weak. */
  async assertStrong(password: string, userInputs: readonly string[], field = 'password'): Promise<void> {
    const verdict = await this.judge(password, userInputs);
    if (verdict.ok) return;
    const message = msg('auth.weakPassword', { feedback: verdict.feedback });
    throw new ProblemException(400, 'weak-password', message, [{ field, message }]);
  }
}

/**
 * The person's own words as zxcvbn should know them: each input whole, its words, and its words
 * joined as people join them in passwords ("ana-maria", "ana.silva", "anasilva").
 */
function knownWords(userInputs: readonly string[]): string[] {
  const words = new Set<string>();
  for (const input of userInputs) {
    const parts = input
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    const joined = ['', '-', '.', '_', ' '].map((separator) => parts.join(separator));
    for (const word of [input, ...parts, ...joined]) if (word.length >= 3) words.add(word);
  }
  return [...words];
}

/**
 * zxcvbn's feedback codes and the catalogue's words for them (the English is zxcvbn's own;
 * @zxcvbn-ts has no French or Spanish package installed). A code zxcvbn adds later is dropped
 * from the feedback until it is listed here (the hint then stands alone).
 */
const FEEDBACK: Record<string, MessageKey> = {
  'warnings.straightRow': 'auth.password.straightRow',
  'warnings.keyPattern': 'auth.password.keyPattern',
  'warnings.simpleRepeat': 'auth.password.simpleRepeat',
  'warnings.extendedRepeat': 'auth.password.extendedRepeat',
  'warnings.sequences': 'auth.password.sequences',
  'warnings.recentYears': 'auth.password.recentYears',
  'warnings.dates': 'auth.password.dates',
  'warnings.topTen': 'auth.password.topTen',
  'warnings.topHundred': 'auth.password.topHundred',
  'warnings.common': 'auth.password.common',
  'warnings.similarToCommon': 'auth.password.similarToCommon',
  'warnings.wordByItself': 'auth.password.wordByItself',
  'warnings.namesByThemselves': 'auth.password.namesByThemselves',
  'warnings.commonNames': 'auth.password.commonNames',
  'warnings.userInputs': 'auth.password.userInputs',
  'warnings.pwned': 'auth.password.pwned',
  'suggestions.l33t': 'auth.password.l33t',
  'suggestions.reverseWords': 'auth.password.reverseWords',
  'suggestions.allUppercase': 'auth.password.allUppercase',
  'suggestions.capitalization': 'auth.password.capitalization',
  'suggestions.dates': 'auth.password.avoidDates',
  'suggestions.recentYears': 'auth.password.avoidRecentYears',
  'suggestions.associatedYears': 'auth.password.associatedYears',
  'suggestions.sequences': 'auth.password.avoidSequences',
  'suggestions.repeated': 'auth.password.repeated',
  'suggestions.longerKeyboardPattern': 'auth.password.longerKeyboardPattern',
  'suggestions.anotherWord': 'auth.weakPassword.hint',
  'suggestions.useWords': 'auth.password.useWords',
  'suggestions.noNeed': 'auth.password.noNeed',
  'suggestions.pwned': 'auth.password.pwnedElsewhere',
};

/** zxcvbn's translations with each text replaced by its own path (`warnings.common`). */
function codesOf<T extends object>(translations: T, prefix = ''): T {
  return Object.fromEntries(
    Object.entries(translations).map(([k, v]) => [
      k,
      typeof v === 'object' && v !== null ? codesOf(v as object, `${prefix}${k}.`) : `${prefix}${k}`,
    ]),
  ) as T;
}

async function loadEstimator(): Promise<ZxcvbnFactory> {
  const [core, common, en] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]);
  return new core.ZxcvbnFactory({
    translations: codesOf(en.translations),
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary },
  });
}
