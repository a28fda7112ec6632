// A call's result from its processed images: the files the kit made are named in result order,
// and each image gets a blob: URL, registered so revokeTempFiles() can release it.
import {live, type ChooseImageResult} from '../temp-files.js';
import {named} from './file-name.js';
import type {ProcessedImage} from './pipeline.js';

export function toResult(images: ProcessedImage[]): ChooseImageResult {
  const files = named(images.map(image => image.file));
  const tempFiles = images.map(({width, height}, i) => {
    const file = files[i];
    const path = URL.createObjectURL(file);
    live.set(path, file);
    return {path, size: file.size, type: file.type, width, height, file};
  });
  const tempFilePaths = tempFiles.map(f => f.path);
  return {tempFilePaths, apFilePaths: [...tempFilePaths], tempFiles};
}
