// The whole public API, as an app in strict TypeScript uses it, with no cast. The
// `@ts-expect-error` lines are mistakes the types must catch (they fail the compile if not).
import {
  chooseImage,
  ChooseImageError,
  ChooseImageSheet,
  ErrorCode,
  my,
  revokeTempFiles,
  setAssetPath,
  type ChooseImageOptions,
  type ChooseImageResult,
  type ChooseImageSheetEventMap,
  type CompressOptions,
  type Facing,
  type SizeType,
  type SourceType,
  type TempFile,
} from 'choose-image-sheet';
import * as bundled from 'choose-image-sheet/bundled';
import {ChooseImageToast, ChooseImageViewer, hideToast, previewImage, showToast, type PreviewImageOptions, type ShowToastOptions, type ToastType} from 'choose-image-sheet/preview';

const sizes: SizeType[] = ['original', 'compressed'];
const sources: SourceType[] = ['camera', 'album'];
const facing: Facing = 'front';
const compress: CompressOptions = {maxSize: 1280, quality: 0.7};

export async function useTheApi(container: HTMLElement): Promise<string[]> {
  const options: ChooseImageOptions = {
    count: 3,
    sizeType: sizes,
    sourceType: sources,
    camera: facing,
    container,
    signal: new AbortController().signal,
    locale: 'en',
    compress,
    extension: ['jpg', 'png'],
    success: res => console.log(res.tempFilePaths.length),
    fail: err => console.log(err.error, err.errorMessage),
    complete: res => console.log('tempFiles' in res ? res.tempFiles.length : res.error),
  };
  const result: ChooseImageResult = await chooseImage(options);
  const first: TempFile | undefined = result.tempFiles[0];
  const described = first ? `${first.path} ${first.size} ${first.type} ${first.width}x${first.height} ${first.file.name}` : '';

  try {
    await my.chooseImage({count: 1});
  } catch (e) {
    if (e instanceof ChooseImageError && e.error === ErrorCode.CANCELLED) console.log(e.errorMessage);
  }
  await my.previewImage({urls: result.tempFilePaths, current: 0});
  await my.showToast({type: 'success', content: 'ok', duration: 1000});
  await my.hideToast();
  revokeTempFiles(result.tempFilePaths);
  revokeTempFiles();
  setAssetPath('https://cdn.example.com/choose-image-sheet/dist/');
  setAssetPath(new URL('/kit/', location.href));

  // @ts-expect-error count is a number
  void chooseImage({count: '3'});
  // @ts-expect-error not a size type
  void chooseImage({sizeType: ['huge']});
  // @ts-expect-error a URL or a string
  setAssetPath(42);

  return [described];
}

export function useTheElement(): ChooseImageSheet {
  // Typed by the tag name: HTMLElementTagNameMap knows the element.
  const sheet = document.createElement('choose-image-sheet');
  sheet.count = 3;
  sheet.sizeType = ['compressed'];
  sheet.sourceType = ['album'];
  sheet.camera = 'back';
  sheet.compress = {maxSize: 1920};
  sheet.addEventListener('success', e => console.log(e.detail.tempFilePaths, e.detail.tempFiles[0]?.width));
  sheet.addEventListener('fail', e => console.log(e.detail.error === ErrorCode.PERMISSION_REFUSED, e.detail.errorMessage));
  sheet.addEventListener('complete', e => console.log('error' in e.detail ? e.detail.error : e.detail.tempFilePaths));
  // The listener form the element's event map names.
  const onSuccess = (e: ChooseImageSheetEventMap['success']) => console.log(e.detail.tempFilePaths);
  sheet.addEventListener('success', onSuccess, {once: true});
  sheet.removeEventListener('success', onSuccess);
  // Every other event is typed as on any element, and any name still takes a plain listener.
  sheet.addEventListener('click', e => console.log(e.clientX));
  sheet.addEventListener('custom-thing', (e: Event) => console.log(e.type));
  sheet.addEventListener('success', {handleEvent: (e: Event) => console.log(e.type)});
  // @ts-expect-error success carries a ChooseImageResult, not a string
  sheet.addEventListener('success', (e: CustomEvent<string>) => console.log(e.detail));
  // @ts-expect-error not a property of the element
  sheet.counts = 3;
  const found: ChooseImageSheet | null = document.querySelector('choose-image-sheet');
  void sheet.show().then(r => r.tempFilePaths, (e: unknown) => e);
  sheet.close();
  return found ?? new ChooseImageSheet();
}

export async function useThePreview(): Promise<void> {
  const preview: PreviewImageOptions = {urls: ['a.jpg', 'b.jpg'], current: 1, success: () => {}, fail: e => console.log(e.error), complete: () => {}};
  await previewImage(preview);
  const type: ToastType = 'none';
  const toast: ShowToastOptions = {type, content: 'hi', duration: 500};
  await showToast(toast);
  hideToast();
  const viewer: ChooseImageViewer | null = document.querySelector('choose-image-viewer');
  const shown: ChooseImageToast | null = document.querySelector('choose-image-toast');
  console.log(viewer, shown);
  // @ts-expect-error urls is required
  await previewImage({current: 1});
}

export async function useTheBundledBuild(): Promise<number> {
  // The bundled build has the same types as the package.
  const result = await bundled.chooseImage({count: 2});
  bundled.my.chooseImage({success: r => r.tempFiles.length});
  return result.tempFilePaths.length + bundled.ErrorCode.CANCELLED;
}
