export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/internal/**', 'src/image/**', 'src/platform.ts', 'src/**/*.styles.ts', 'src/locales/**', 'src/views/**', 'test/**'],
  outdir: '.',
  litelement: true,
  packagejson: true,
};
