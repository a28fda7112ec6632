// Which engine this test page runs in, for the few tests that need what only some engines'
// drivers can do. Such a test is skipped where it cannot run, with the reason and the engine
// in its title, so the closing report lists every skip and why.

export type Engine = 'chromium' | 'firefox' | 'webkit';

/** The engine, from the user agent: Firefox says so; WebKit says Safari without Chrome. */
export const engine: Engine = navigator.userAgent.includes('Firefox/')
  ? 'firefox'
  : navigator.userAgent.includes('Chrome/')
    ? 'chromium'
    : 'webkit';

type Reasons = Partial<Record<Engine, string>>;

/** The title with "[skipped in <engine>: <reason>]" where this engine cannot run the test. */
const titled = (title: string, reasons: Reasons) => (reasons[engine] ? `${title} [skipped in ${engine}: ${reasons[engine]}]` : title);

/** `it`, skipped in the engines of `reasons`, each with its reason in the title. */
export function itExceptIn(reasons: Reasons, title: string, fn: Mocha.Func) {
  return reasons[engine] ? it.skip(titled(title, reasons), fn) : it(title, fn);
}
