/** The modules in path order: the glob's order follows the file system's, which a fresh clone changes. */
const sortedModules = () => ({
  name: 'sorted-modules',
  packageLinkPhase({customElementsManifest}) {
    customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  },
});

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/internal/**', 'src/image/**', 'src/platform.ts', 'src/**/*.styles.ts', 'src/locales/**', 'src/views/**', 'test/**'],
  outdir: '.',
  litelement: true,
  packagejson: true,
  plugins: [sortedModules()],
};
