import { Injectable } from '@nestjs/common';
import type { Answers, Question, StakeholderGroup } from '@gfmd/contracts';
import { domainRule, msg } from '@gfmd/api-platform';

/**
 * Checks a registrant's answers to the dialogue's own questions and answers what to store, or
 * throws a 422 problem naming each refused `answers.<key>`.
 */
export type AnswersChecker = (group: StakeholderGroup, answers: unknown) => Answers;

/** Loads a dialogue's questions once and answers the checker of its registrations' answers. */
export type AnswersCheckerLoader = (dialogueId: string) => Promise<AnswersChecker>;

/** Without the questions domain: a dialogue asks no questions, so any answer is refused. */
const NO_QUESTIONS: AnswersChecker = (_group, answers) => {
  if (answers && typeof answers === 'object' && Object.keys(answers).length)
    throw domainRule('unknown-question', msg('registrations.noQuestions'), [
      { field: 'answers', message: msg('registrations.noSuchQuestion.field') },
    ]);
  return {};
};

/**
 * The registration questions' port: the questions domain (which depends on this one) provides
 * the checker; without it, a registration carries no answers.
 */
@Injectable()
export class RegistrationAnswers {
  private loader?: AnswersCheckerLoader;
  private countableKeys?: (dialogueId: string) => Promise<string[]>;
  private questionList?: (dialogueId: string) => Promise<Question[]>;

  /**
   * `countable`: the keys of the questions whose answers the stats count per value (choices,
   * checkboxes); `questions`: the dialogue's questions in order (the CSV's columns).
   */
  provide(
    loader: AnswersCheckerLoader,
    countable?: (dialogueId: string) => Promise<string[]>,
    questions?: (dialogueId: string) => Promise<Question[]>,
  ): void {
    this.loader = loader;
    this.countableKeys = countable;
    this.questionList = questions;
  }

  questions(dialogueId: string): Promise<Question[]> {
    return this.questionList ? this.questionList(dialogueId) : Promise.resolve([]);
  }

  countable(dialogueId: string): Promise<string[]> {
    return this.countableKeys ? this.countableKeys(dialogueId) : Promise.resolve([]);
  }

  /**
   * The checker of a dialogue's answers, its questions read once: the admission reads them once
   * per batch (in its transaction), not once per registration. The checker answers what to store
   * (null: no answers) or throws a 422 problem naming each refused `answers.<key>`.
   */
  async checkerFor(dialogueId: string): Promise<(group: StakeholderGroup, answers: unknown) => Answers | null> {
    const check = this.loader ? await this.loader(dialogueId) : NO_QUESTIONS;
    return (group, answers) => {
      const checked = check(group, answers);
      return Object.keys(checked).length ? checked : null;
    };
  }

  async check(dialogueId: string, group: StakeholderGroup, answers: unknown): Promise<Answers | null> {
    return (await this.checkerFor(dialogueId))(group, answers);
  }
}
