import type {Translation} from './index.js';

export const zhCN: Translation = {
  lang: 'zh-CN',
  title: '选择图片',
  takePhoto: '拍照',
  chooseFromAlbum: '从相册选择',
  cancel: '取消',
  noCamera: '此设备没有摄像头',
};
