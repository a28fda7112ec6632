// The full-screen viewer's strings (previewImage, the picker's preview), one table per language.
// They load with the viewer's chunk.
import {paneTerms} from './pane-terms.js';

export interface PreviewTranslation {
  previewTitle: string;
  close: string;
  previous: string;
  next: string;
  imageOf: (n: number, total: number) => string;
}

const zhCN: PreviewTranslation = {
  previewTitle: '图片预览',
  close: '关闭',
  previous: '上一张',
  next: '下一张',
  imageOf: (n, total) => `第 ${n} 张，共 ${total} 张`,
};

const en: PreviewTranslation = {
  previewTitle: 'Image preview',
  close: 'Close',
  previous: 'Previous image',
  next: 'Next image',
  imageOf: (n, total) => `Image ${n} of ${total}`,
};

/** The sheet's strings and the viewer's, in the language of `t`. */
export const withPreviewTerms = paneTerms<PreviewTranslation>(zhCN, en);
