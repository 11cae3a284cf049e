export * from './annex';
export * from './decision-document';
export * from './document-text';
