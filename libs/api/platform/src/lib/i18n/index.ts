export * from './catalogue';
export * from './languages';
export * from './request-language';
export * from './content';
export * from './content-records';
