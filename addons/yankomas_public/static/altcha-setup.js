// The proof-of-work widget of the public forms (ALTCHA, static/vendor/ from
// npm, see the Makefile). Its "external" build bundles neither styles nor
// workers, so that the pages' Content-Security-Policy allows no inline
// style and no blob: worker: altcha.css is linked by the page, and the
// PBKDF2 worker, the one algorithm pow.py issues, is registered here from
// this script's own folder. Load this file alone, as a module:
//   <script type="module" src=".../static/altcha-setup.js"></script>
import './altcha.js';
import './altcha-id.js';

const worker = new URL('altcha-pbkdf2.js', import.meta.url);
globalThis.$altcha.algorithms.set('PBKDF2/SHA-256', () => new Worker(worker));
// Nothing leaves for altcha.org (the footer's link) and nothing is
// collected of the visitor's gestures (only sent when a server asks).
globalThis.$altcha.defaults.set({
  hideFooter: true,
  humanInteractionSignature: false,
});
