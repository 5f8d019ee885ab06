export * from './catalogue';
export * from './languages';
export * from './request-language';
export * from './content';
export * from './bidi';
export * from './collation';
export * from './content-records';
export * from './pdf-fonts';
