export * from './types';
export * from './catalog-error';
export * from './rule-set-registry';
export * from './load-rule-sets';
export * from './validate-rule-set';
