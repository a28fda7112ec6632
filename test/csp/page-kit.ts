// Runs inside the strict-CSP page: exposes the kit to the test in the parent page and records
// every CSP violation and every request the page makes.
import * as kit from '../../src/index.js';
import {processImage} from '../../src/image/pipeline.js';

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', e => violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));

Object.assign(window, {
  kit,
  processImage,
  violations,
  requests: () => performance.getEntriesByType('resource').map(e => ({url: e.name, initiator: (e as PerformanceResourceTiming).initiatorType})),
  ready: true,
});
