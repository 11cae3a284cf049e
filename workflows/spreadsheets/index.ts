export * from './cell-values';
export * from './nomination-columns';
export * from './nomination-rows';
export * from './nominee-words';
