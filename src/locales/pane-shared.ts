// The strings both the camera and the gallery show (close, confirm, a picture that cannot be
// read, processing). They load with the panes, in their shared chunk, not with the sheet's shell.
import {paneTerms} from './pane-terms.js';

export interface SharedPaneTranslation {
  close: string;
  confirm: (selected: number, count: number) => string;
  /** 使用照片: returns the one image under review (a shot, or count 1's pick). */
  usePhoto: string;
  unusable: (name: string) => string;
  processing: string;
}

export const sharedZhCN: SharedPaneTranslation = {
  close: '关闭',
  confirm: (selected, count) => `完成 (${selected}/${count})`,
  usePhoto: '使用照片',
  unusable: name => `${name}，无法读取此图片`,
  processing: '正在处理…',
};

export const sharedEn: SharedPaneTranslation = {
  close: 'Close',
  confirm: (selected, count) => `Done (${selected}/${count})`,
  usePhoto: 'Use photo',
  unusable: name => `${name}, this image cannot be read`,
  processing: 'Processing…',
};

/** The sheet's strings and these, in the language of `t`. */
export const withSharedTerms = paneTerms<SharedPaneTranslation>(sharedZhCN, sharedEn);
