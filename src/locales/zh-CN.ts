import type {Translation} from './index.js';

export const zhCN: Translation = {
  lang: 'zh-CN',
  title: '选择图片',
  takePhoto: '拍照',
  chooseFromAlbum: '从相册选择',
  cancel: '取消',
  close: '关闭',
  noCamera: '此设备没有摄像头',
  confirm: (selected, count) => `完成 (${selected}/${count})`,
  usePhoto: '使用照片',
  unusable: name => `${name}，无法读取此图片`,
  processing: '正在处理…',
};
