import { Injectable } from '@nestjs/common';
import type { Answers, StakeholderGroup } from '@gfmd/contracts';
import { domainRule, msg } from '@gfmd/api-platform';

/**
 * Checks a registrant's answers to the dialogue's own questions and answers what to store, or
 * throws a 422 problem naming each refused `answers.<key>`.
 */
export type AnswersChecker = (dialogueId: string, group: StakeholderGroup, answers: unknown) => Promise<Answers>;

/**
 * The registration questions' port: the questions domain (which depends on this one) provides
 * the checker; without it, a registration carries no answers.
 */
@Injectable()
export class RegistrationAnswers {
  private checker?: AnswersChecker;
  private countableKeys?: (dialogueId: string) => Promise<string[]>;

  /** `countable`: the keys of the questions whose answers the stats count per value (choices, checkboxes). */
  provide(checker: AnswersChecker, countable?: (dialogueId: string) => Promise<string[]>): void {
    this.checker = checker;
    this.countableKeys = countable;
  }

  countable(dialogueId: string): Promise<string[]> {
    return this.countableKeys ? this.countableKeys(dialogueId) : Promise.resolve([]);
  }

  async check(dialogueId: string, group: StakeholderGroup, answers: unknown): Promise<Answers | null> {
    if (this.checker) {
      const checked = await this.checker(dialogueId, group, answers);
      return Object.keys(checked).length ? checked : null;
    }
    if (answers && typeof answers === 'object' && Object.keys(answers).length)
      throw domainRule('unknown-question', msg('registrations.noQuestions'), [
        { field: 'answers', message: msg('registrations.noSuchQuestion.field') },
      ]);
    return null;
  }
}
