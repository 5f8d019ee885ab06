export * from './lib/questions.module';
export * from './lib/questions.service';
export * from './lib/question-rules.util';
