export * from './canonical-json';
export * from './audit-chain';
export * from './replay-check';
export * from './machine-versions';
