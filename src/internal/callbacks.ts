// How every Alipay-style call settles, chooseImage and each companion alike: its work's value or
// error goes to success or fail, then complete, once, each callback shielded (one that throws is
// reported and breaks nothing, as Lit's Task shields onComplete), and then to the promise.
import {unknownError, type ChooseImageError} from '../errors.js';

export interface Callbacks<T> {
  success?: (result: T) => void;
  fail?: (error: ChooseImageError) => void;
  complete?: (resultOrError: T | ChooseImageError) => void;
}

/** Calls `fn`, if any; what it throws is reported (reportError), never passed on. */
export function shielded<A>(fn: ((arg: A) => void) | undefined, arg: A) {
  try {
    fn?.(arg);
  } catch (e) {
    reportError(e);
  }
}

/** The callbacks among `raw` options that are functions: those still run when an option is bad. */
export function callbacksOf<T>(raw: unknown): Callbacks<T> {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const fn = (v: unknown) => (typeof v === 'function' ? (v as never) : undefined);
  return {success: fn(o.success), fail: fn(o.fail), complete: fn(o.complete)};
}

/** Calls success then complete; returns the result for the promise. */
export function succeed<T>(callbacks: Callbacks<T>, result: T): T {
  shielded(callbacks.success, result);
  shielded(callbacks.complete, result);
  return result;
}

/** Calls fail then complete; throws the error for the promise. */
export function failWith(callbacks: Callbacks<never>, error: ChooseImageError): never {
  shielded(callbacks.fail, error);
  shielded(callbacks.complete, error);
  throw error;
}

/**
 * Mini-program code handles failure in `fail`/`complete` and never looks at the promise: with
 * either given, a failure must not surface as an unhandled rejection. Awaiting it still throws.
 */
export function quiet<P extends Promise<unknown>>(raw: unknown, promise: P): P {
  const {fail, complete} = callbacksOf(raw);
  if (fail || complete) promise.catch(() => {});
  return promise;
}

/**
 * One Alipay-style call with options `raw`: `work`, an async function, starts at once (it checks
 * the options first, see optionsOf(), and throws code 2 naming a bad one); what it resolves or
 * throws (anything but a ChooseImageError becomes code 3) settles the call once, as above.
 */
export function alipayCall<T>(raw: unknown, work: () => Promise<T>): Promise<T> {
  const callbacks = callbacksOf<T>(raw);
  return quiet(raw, work().then(v => succeed(callbacks, v), e => failWith(callbacks, unknownError(e))));
}
