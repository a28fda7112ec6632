// Alipay's error codes and the error object every failure is reported with.

/** Alipay's `my.chooseImage` error codes, and those of the companions (12, 13). */
export const ErrorCode = {
  /** An option is invalid; the message names it. */
  INVALID_OPTION: 2,
  /** Anything unexpected; the message carries the cause. */
  UNKNOWN: 3,
  /** The user closed the sheet, the camera or the gallery (or a companion's action sheet or share sheet), `signal` aborted, or an upload's `abort()` was called. */
  CANCELLED: 11,
  /** An upload got no response: offline, refused or timed out; the message says which. */
  NETWORK: 12,
  /** A path that cannot be read: a revoked blob: URL, an HTTP error, CORS refused; the message says which. */
  UNREADABLE: 13,
  /** The camera permission was asked for in this call and refused. */
  PERMISSION_REFUSED: 2001,
  /** The camera was blocked for this site before the call, so no prompt could be shown. */
  PERMISSION_BLOCKED: 2002,
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The companions' codes (12, 13) are worded where they are raised, in their own chunk. */
const messages: Partial<Record<ErrorCode, string>> = {
  [ErrorCode.INVALID_OPTION]: '接口参数无效',
  [ErrorCode.UNKNOWN]: '未知错误',
  [ErrorCode.CANCELLED]: '用户取消操作',
  [ErrorCode.PERMISSION_REFUSED]: '用户不允许授权',
  [ErrorCode.PERMISSION_BLOCKED]: '用户已拒绝授权，请在浏览器的网站设置中允许使用摄像头',
};

/**
 * A failed call, shaped like Alipay's: its only own enumerable properties are `error` and
 * `errorMessage`, so `JSON.stringify(err)` prints `{"error":11,"errorMessage":"用户取消操作"}`.
 */
export class ChooseImageError extends Error {
  /** Alipay error code. */
  error: ErrorCode;
  /** Alipay's Chinese message, plus the detail (the bad option, the cause) where there is one. */
  errorMessage: string;

  constructor(code: ErrorCode, detail?: string) {
    const base = messages[code];
    const errorMessage = base && detail ? `${base}: ${detail}` : base || detail!;
    super(errorMessage);
    this.error = code;
    this.errorMessage = errorMessage;
  }
}
Object.defineProperty(ChooseImageError.prototype, 'name', {value: 'ChooseImageError'});

/** Code 11. */
export const cancelled = () => new ChooseImageError(ErrorCode.CANCELLED);

/** Code 3 for anything unexpected, keeping the original error's text. */
export function unknownError(cause: unknown): ChooseImageError {
  if (cause instanceof ChooseImageError) return cause;
  const text = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  return new ChooseImageError(ErrorCode.UNKNOWN, text);
}
