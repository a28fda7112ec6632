// Runs inside bundled.html: exposes the bundled build (loading its chunks, worker and libheif
// from dist/) to the test in the parent page, and records CSP violations.
import * as kit from '../../dist/choose-image-sheet.bundled.js';

const violations = [];
document.addEventListener('securitypolicyviolation', e => violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
Object.assign(window, {kit, violations, ready: true});
