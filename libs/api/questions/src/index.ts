export * from './lib/questions.module';
export * from './lib/questions.service';
export * from './lib/question-rules.util';
export * from './lib/question-views.util';
