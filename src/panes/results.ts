// How a pane turns the images chosen into the call's result: each is processed for the size
// chosen now (from the moment it is chosen), and confirm returns them all, or keeps the sheet
// open with the ones that failed named. Shared by the camera and the gallery, in their chunk.
import {processImage, toResult, type ProcessedImage} from '../image/pipeline.js';
import {withSharedTerms} from '../locales/pane-shared.js';
import type {SheetPort} from './sheet-port.js';

/** Runs the image pipeline on `input` for the size now chosen (原图 or compressed). */
export function processFor(sheet: SheetPort, input: Blob, signal?: AbortSignal): Promise<ProcessedImage> {
  return processImage(input, sheet.original ? 'original' : 'compressed', sheet.options!.compress, signal);
}

/**
 * Returns the images of `jobs` (prepared ahead) when all succeed. A failure to decode keeps
 * the sheet open with the others still chosen: nothing the user chose is lost.
 */
export async function finish(sheet: SheetPort, jobs: Array<Promise<ProcessedImage>>, onFailed: (index: number) => void) {
  if (sheet.busy || !sheet.options) return;
  const open = sheet.stillOpen();
  sheet.busy = true;
  sheet.hint = withSharedTerms(sheet.t).processing;
  const outcomes = await Promise.allSettled(jobs);
  if (!open()) return;
  sheet.busy = false;
  sheet.hint = '';
  const failed = outcomes.flatMap((o, i) => (o.status === 'rejected' ? [i] : []));
  if (failed.length) return failed.forEach(onFailed);
  sheet.succeed(toResult(outcomes.map(o => (o as PromiseFulfilledResult<ProcessedImage>).value)));
}
