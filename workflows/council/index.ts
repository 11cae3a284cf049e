export * from './council-session';
export * from './block-election';
export * from './minutes-text';
