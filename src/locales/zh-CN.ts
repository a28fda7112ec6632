import type {Translation} from './index.js';

export const zhCN: Translation = {
  lang: 'zh-CN',
  title: '选择图片',
  takePhoto: '拍照',
  chooseFromAlbum: '从相册选择',
  cancel: '取消',
  close: '关闭',
  galleryTitle: '相册',
  original: '原图',
  addMore: '添加图片',
  confirm: (selected, count) => `完成 (${selected}/${count})`,
  selectLimit: count => `最多只能选择 ${count} 张`,
  item: (name, order) => (order ? `${name}，已选第 ${order} 张` : name),
  unusable: name => `${name}，无法读取此图片`,
  excluded: (name, extensions) => `${name}，仅支持 ${extensions.join('、')} 格式`,
  unusableBadge: '无法使用',
  processing: '正在处理…',
  previewTitle: '图片预览',
  previous: '上一张',
  next: '下一张',
  imageOf: (n, total) => `第 ${n} 张，共 ${total} 张`,
};
