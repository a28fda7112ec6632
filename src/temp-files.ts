// The result of a call and the registry of the blob: URLs it hands out (and the companions' new
// paths), so that revokeTempFiles() can release them. The result is made by image/result.ts, in
// the pipeline's chunk; the registry is here, in the entry, for revokeTempFiles().

/** One chosen image. */
export interface TempFile {
  /** blob: URL of the image; the same string as `tempFilePaths[i]`. */
  path: string;
  /** Bytes of the blob behind `path`. */
  size: number;
  /** *ext* MIME type, e.g. 'image/jpeg'. */
  type: string;
  /** *ext* Width in pixels, orientation applied. */
  width: number;
  /** *ext* Height in pixels, orientation applied. */
  height: number;
  /** *ext* The image itself, ready for FormData or upload. */
  file: File;
}

/** What a successful call resolves with: Alipay's shape plus web extensions. */
export interface ChooseImageResult {
  /** blob: URLs, one per chosen image, in choice order. */
  tempFilePaths: string[];
  /** The same paths as `tempFilePaths` (a copy), for code written for older Alipay and DingTalk clients. */
  apFilePaths: string[];
  tempFiles: TempFile[];
}

/** The blob: URLs handed out and not yet revoked, each with its file (the companions read it, and name uploads by it). */
export const live = new Map<string, File>();

/**
 * Releases blob: URLs handed out by chooseImage: the given ones, or all of them without an
 * argument. URLs it did not hand out are left alone.
 */
export function revokeTempFiles(paths?: readonly string[]): void {
  for (const path of paths ?? live.keys()) {
    if (live.delete(path)) URL.revokeObjectURL(path);
  }
}
