export * from './ids';
export * from './amount';
export * from './document';
export * from './template';
export * from './restore';
export { MIGRATIONS, migrate, type Migration } from './migrations';
export * from './catalog';
export * from './layout';
export { templateInfo, templateInfos } from './template-info';
