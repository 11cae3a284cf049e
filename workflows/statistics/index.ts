export * from './dimensions';
export * from './months';
export * from './labels';
export * from './outcomes';
export * from './summaries';
export * from './dashboard';
export * from './organization-tree';
