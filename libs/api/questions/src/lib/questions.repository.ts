import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Question } from '@gfmd/contracts';
import { currentManager } from '@gfmd/api-platform';
import type { DataSource } from 'typeorm';

/** `registration_questions`: one ordered list of questions per dialogue. */
@Injectable()
export class QuestionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(dialogueId: string): Promise<Question[]> {
    const rows = (await currentManager(this.dataSource).query(
      'SELECT questions FROM registration_questions WHERE dialogue_id = $1',
      [dialogueId],
    )) as { questions: Question[] }[];
    return rows[0]?.questions ?? [];
  }

  async put(dialogueId: string, questions: Question[]): Promise<void> {
    await currentManager(this.dataSource).query(
      `INSERT INTO registration_questions (dialogue_id, questions) VALUES ($1, $2::jsonb)
       ON CONFLICT (dialogue_id) DO UPDATE SET questions = EXCLUDED.questions, updated_at = now()`,
      [dialogueId, JSON.stringify(questions)],
    );
  }
}
