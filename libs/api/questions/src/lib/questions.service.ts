import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@gfmd/api-auth';
import { DialogueHooks, DialoguesService } from '@gfmd/api-dialogues';
import { AuditService, badRequest, currentLanguages, domainRule, inTransaction, msg } from '@gfmd/api-platform';
import { RegistrationAnswers } from '@gfmd/api-registrations';
import type { PublicQuestion, Question, QuestionView, ReaderLanguage } from '@gfmd/contracts';
import { DataSource } from 'typeorm';
import { checkAnswers, parseQuestions } from './question-rules.util';
import { languagesMissingLabels, publicQuestionView, questionView } from './question-views.util';
import { QuestionsRepository } from './questions.repository';

/**
 * Organizers' own registration questions: the ordered list of a dialogue (replaced as a whole),
 * shown to the public form, and the checker of every registration's answers (given to the
 * registrations domain through its RegistrationAnswers port). Answers already given stay as
 * they were when a question changes or goes: they are stored by key with the registration.
 */
@Injectable()
export class QuestionsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: QuestionsRepository,
    private readonly dialogues: DialoguesService,
    private readonly answers: RegistrationAnswers,
    private readonly audit: AuditService,
    dialogueHooks: DialogueHooks,
  ) {
    // Publishing a dialogue warns about the listed languages a question label lacks.
    dialogueHooks.onMissingTranslations(async (dialogue) =>
      languagesMissingLabels(await this.repo.of(dialogue.id), dialogue.languages),
    );
  }

  onModuleInit() {
    this.answers.provide(
      async (dialogueId) => {
        const questions = await this.repo.of(dialogueId);
        return (group, given) => {
          const checked = checkAnswers(questions, group, given);
          if ('problems' in checked)
            throw domainRule('invalid-answers', msg('questions.invalidAnswers'), checked.problems);
          return checked.answers;
        };
      },
      async (dialogueId) =>
        (await this.repo.of(dialogueId))
          .filter((q) => q.type === 'single_choice' || q.type === 'multi_choice' || q.type === 'checkbox')
          .map((q) => q.key),
      (dialogueId) => this.repo.of(dialogueId),
    );
  }

  /**
   * The questions of a dialogue visible to the caller (drafts: staff only). The public gets each
   * label only in the reader's language (else the dialogue's languages in order) with its
   * language; staff get the label maps for editing, each also in the reader's language, and
   * without `?lang=` read the source language and add what each listed language lacks.
   */
  async list(dialogueId: string, user?: AuthUser): Promise<QuestionView[] | PublicQuestion[]> {
    const d = await this.dialogues.findVisible(dialogueId, user);
    const questions = await this.repo.of(dialogueId);
    if (!user) return questions.map((q) => publicQuestionView(q, currentLanguages().language, d.languages));
    return this.views(questions, d.languages);
  }

  private views(questions: Question[], languages: readonly ReaderLanguage[]): QuestionView[] {
    const { sourceContent, language } = currentLanguages();
    const reader = sourceContent ? (languages[0] ?? 'en') : language;
    return questions.map((q) => questionView(q, reader, languages, !!sourceContent));
  }

  async put(dialogueId: string, body: unknown, user: AuthUser): Promise<QuestionView[]> {
    const d = await this.dialogues.findRecord(dialogueId);
    const parsed = parseQuestions(body);
    if ('problems' in parsed) throw badRequest(msg('questions.invalidQuestions'), parsed.problems);
    await inTransaction(this.dataSource, async () => {
      await this.repo.put(dialogueId, parsed.questions);
      await this.audit.record({
        actorUserId: user.id,
        action: 'dialogue.changed',
        entityType: 'dialogue',
        entityId: dialogueId,
        dialogueId,
        details: { fields: ['questions'], keys: parsed.questions.map((q) => q.key) },
      });
    });
    return this.views(parsed.questions, d.languages);
  }
}
