export * from './package-format';
export * from './build-package';
export * from './verify-package';
export * from './manifest-shape';
export * from './incoming-dossier';
