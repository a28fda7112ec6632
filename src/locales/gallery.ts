// The album gallery's strings, one table per language. They load with the gallery pane, so a
// page that never opens the album does not carry them.
import {sharedEn, sharedZhCN, type SharedPaneTranslation} from './pane-shared.js';
import {paneTerms} from './pane-terms.js';

export interface GalleryTranslation extends SharedPaneTranslation {
  galleryTitle: string;
  original: string;
  addMore: string;
  selectLimit: (count: number) => string;
  /** More usable files were picked than `count` allows: how many are chosen. */
  pickedOverLimit: (picked: number, chosen: number, count: number) => string;
  item: (name: string, order: number) => string;
  /** A tile that cannot be chosen because `count` are chosen already. */
  itemAtLimit: (name: string, count: number) => string;
  /** 预览: the chosen images full screen. */
  preview: string;
  previewOf: (name: string) => string;
  /** 重选: the album's picker again, for count 1. */
  rechoose: string;
  /** A file whose extension the `extension` option leaves out, and the extensions allowed. */
  excluded: (name: string, extensions: string[]) => string;
  unusableBadge: string;
  /** Files pasted or dropped while the chosen images are processed: refused, and said so. */
  notWhileProcessing: string;
}

const zhCN: GalleryTranslation = {
  ...sharedZhCN,
  galleryTitle: '相册',
  original: '原图',
  addMore: '添加图片',
  selectLimit: count => `最多只能选择 ${count} 张`,
  pickedOverLimit: (picked, chosen, count) => `选了 ${picked} 张，最多 ${count} 张：已选中 ${chosen} 张`,
  item: (name, order) => (order ? `${name}，已选第 ${order} 张` : name),
  itemAtLimit: (name, count) => `${name}，已选满 ${count} 张，不能再选`,
  preview: '预览',
  previewOf: name => `预览 ${name}`,
  rechoose: '重选',
  excluded: (name, extensions) => `${name}，仅支持 ${extensions.join('、')} 格式`,
  unusableBadge: '无法使用',
  notWhileProcessing: '正在处理，处理完再添加图片',
};

const en: GalleryTranslation = {
  ...sharedEn,
  galleryTitle: 'Album',
  original: 'Original',
  addMore: 'Add images',
  selectLimit: count => `You can choose up to ${count} ${count === 1 ? 'image' : 'images'}`,
  pickedOverLimit: (picked, chosen, count) => `${picked} picked, up to ${count} allowed: ${chosen} chosen`,
  item: (name, order) => (order ? `${name}, selected ${order}` : name),
  itemAtLimit: (name, count) => `${name}, not available: ${count} already chosen`,
  preview: 'Preview',
  previewOf: name => `Preview ${name}`,
  rechoose: 'Change',
  excluded: (name, extensions) => `${name}, only ${extensions.join(', ')} files can be chosen`,
  unusableBadge: 'Unusable',
  notWhileProcessing: 'Processing: add images once it is done',
};

/** The sheet's strings and the gallery's, in the language of `t`. */
export const withGalleryTerms = paneTerms<GalleryTranslation>(zhCN, en);
