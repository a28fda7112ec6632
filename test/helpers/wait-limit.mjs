// Dev-server plugin: @open-wc's waitUntil gives up after 5 s unless told otherwise, not 1 s. On a
// busy 2-core machine a camera's start or a re-render can take longer than a second, and 64 of
// the suite's waits used the default (one failed 1 run in 8 here: "never live"). A test that
// means a shorter or longer wait still says so with `{timeout}`.
const helpers = '/node_modules/@open-wc/testing-helpers/src/helpers.js';
const theirs = 'const { interval = 50, timeout = 1000 } = options;';

const WAIT_LIMIT = 5000;

export function waitLimit() {
  return {
    name: 'wait-limit',
    transform(context) {
      if (!context.path.endsWith(helpers)) return;
      const body = String(context.body);
      // Fail loudly when an upgrade changes the line, rather than quietly waiting 1 s again.
      if (!body.includes(theirs)) throw new Error(`wait-limit: ${helpers} no longer has \`${theirs}\``);
      return {body: body.replace(theirs, `const { interval = 50, timeout = ${WAIT_LIMIT} } = options;`)};
    },
  };
}
