// The live camera's strings, one table per language. They load with the camera pane, so a page
// that never opens the camera does not carry them.
import {sharedEn, sharedZhCN, type SharedPaneTranslation} from './pane-shared.js';
import {paneTerms} from './pane-terms.js';

export interface CameraTranslation extends SharedPaneTranslation {
  cameraTitle: string;
  shutter: string;
  switchCamera: string;
  /** The torch button (a continuous light, for dark scenes). */
  torch: string;
  /** The zoom slider. */
  zoom: string;
  retake: string;
  removeShot: (n: number) => string;
  shot: (n: number) => string;
  shotsLimit: (count: number) => string;
  cameraStarting: string;
  cameraUnavailable: string;
  cameraEnded: string;
  /** The shutter's frame drew as nothing (see NoPictureError): no photo was taken. */
  noPicture: string;
  retry: string;
  systemCamera: string;
}

const zhCN: CameraTranslation = {
  ...sharedZhCN,
  cameraTitle: '拍照',
  shutter: '拍摄',
  switchCamera: '切换摄像头',
  torch: '手电筒',
  zoom: '缩放',
  retake: '重拍',
  removeShot: n => `删除第 ${n} 张`,
  shot: n => `第 ${n} 张`,
  shotsLimit: count => `最多只能拍 ${count} 张`,
  cameraStarting: '正在打开摄像头…',
  cameraUnavailable: '无法使用摄像头。可以用系统相机拍照，或从相册选择。',
  cameraEnded: '摄像头已断开。',
  noPicture: '没有拍到画面，请再拍一次。',
  retry: '重试',
  systemCamera: '用系统相机拍照',
};

const en: CameraTranslation = {
  ...sharedEn,
  cameraTitle: 'Camera',
  shutter: 'Take photo',
  switchCamera: 'Switch camera',
  torch: 'Flashlight',
  zoom: 'Zoom',
  retake: 'Retake',
  removeShot: n => `Remove photo ${n}`,
  shot: n => `Photo ${n}`,
  shotsLimit: count => `You can take up to ${count} ${count === 1 ? 'photo' : 'photos'}`,
  cameraStarting: 'Starting the camera…',
  cameraUnavailable: 'The camera cannot be used. Take a photo with the system camera, or choose from the album.',
  cameraEnded: 'The camera was disconnected.',
  noPicture: 'The camera gave no picture. Take the photo again.',
  retry: 'Retry',
  systemCamera: 'Use system camera',
};

/** The sheet's strings and the camera's, in the language of `t`. */
export const withCameraTerms = paneTerms<CameraTranslation>(zhCN, en);
