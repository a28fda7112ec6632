export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/internal/**', 'src/image/**', 'src/**/*.styles.ts', 'src/locales/**', 'src/views/**', 'test/**'],
  outdir: '.',
  litelement: true,
  packagejson: true,
};
