// Names of the images the kit makes (captures, compressed copies, a blob with no name):
// `IMG_20261124_101530_1.jpg`, local time and then a running number that follows the order in
// which a result lists them, not the order in which they were made.
const made = new WeakSet<File>();
let sequence = 0;

const stamp = (date: Date) => {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}_${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}`;
};
/** The usual file extension of a MIME type: image/jpeg → jpg, image/svg+xml → svg. */
export const extension = (type: string) => type.split('/')[1]?.replace('jpeg', 'jpg').replace(/\W.*$/, '') || 'img';

/** A File the kit made from `blob`; it gets its name when a result lists it (see named()). */
export function madeFile(blob: Blob, type = blob.type): File {
  const file = new File([blob], `IMG.${extension(type)}`, {type, lastModified: Date.now()});
  made.add(file);
  return file;
}

/** The files of one result, in its order: each the kit made is named, numbered in that order. */
export function named(files: File[], date = new Date()): File[] {
  return files.map(file =>
    made.has(file) ? new File([file], `IMG_${stamp(date)}_${++sequence}.${extension(file.type)}`, {type: file.type, lastModified: file.lastModified}) : file
  );
}
