import { Injectable } from '@nestjs/common';
import { ProblemException, msg, t } from '@gfmd/api-platform';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/** The lowest zxcvbn score a staff password may have (0–4; 3: "safely unguessable"). */
export const MIN_PASSWORD_SCORE = 3;

export interface PasswordVerdict {
  ok: boolean;
  score: number;
  /** zxcvbn's warning and suggestions, in English; empty when ok. */
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
    const parts = [result.feedback.warning, ...result.feedback.suggestions].filter((s): s is string => !!s);
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

async function loadEstimator(): Promise<ZxcvbnFactory> {
  const [core, common, en] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]);
  return new core.ZxcvbnFactory({
    translations: en.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary },
  });
}
