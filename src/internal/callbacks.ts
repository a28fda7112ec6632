// Alipay callbacks, called in order (success or fail, then complete), each shielded: a callback
// that throws is reported and breaks nothing, as Lit's Task shields onComplete.
import type {ChooseImageError} from '../errors.js';

export interface Callbacks<T> {
  success?: (result: T) => void;
  fail?: (error: ChooseImageError) => void;
  complete?: (resultOrError: T | ChooseImageError) => void;
}

function call<A>(fn: ((arg: A) => void) | undefined, arg: A) {
  try {
    fn?.(arg);
  } catch (e) {
    reportError(e);
  }
}

/** Calls success then complete; returns the result for the promise. */
export function succeed<T>(callbacks: Callbacks<T>, result: T): T {
  call(callbacks.success, result);
  call(callbacks.complete, result);
  return result;
}

/** Calls fail then complete; throws the error for the promise. */
export function failWith(callbacks: Callbacks<never>, error: ChooseImageError): never {
  call(callbacks.fail, error);
  call(callbacks.complete, error);
  throw error;
}
