// Runs inside the strict-CSP page: exposes the kit to the test in the parent page and records
// every CSP violation and every request the page makes.
import * as kit from '../../src/index.js';
import {processImage} from '../../src/image/pipeline.js';

// ?built-in: the kit's files are not where it looks, as in an app bundled by esbuild or plain
// Rollup (which emit no file named by `new URL`): its built-in worker must do the work.
if (new URLSearchParams(location.search).has('built-in')) kit.setAssetPath('/no-such-folder/');

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', e => violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));

Object.assign(window, {
  kit,
  processImage,
  violations,
  requests: () => performance.getEntriesByType('resource').map(e => ({url: e.name, initiator: (e as PerformanceResourceTiming).initiatorType})),
  ready: true,
});
