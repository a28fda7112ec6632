/** @jsxImportSource preact */
// <choose-image-sheet> in Preact's JSX, typed by choose-image-sheet/preact.
import type {} from 'choose-image-sheet/preact';
import {useRef} from 'preact/hooks';
import type {ChooseImageSheet, TempFile} from 'choose-image-sheet';

export function Picker({onPicked}: {onPicked: (files: TempFile[]) => void}) {
  const ref = useRef<ChooseImageSheet>(null);
  return (
    <>
      <button onClick={() => ref.current?.show().catch(() => {})}>Choose</button>
      <choose-image-sheet ref={ref} count={3} sizeType={['compressed']} sourceType={['album']} onsuccess={e => onPicked(e.detail.tempFiles)} />
    </>
  );
}

export const mistakes = (
  <>
    {/* @ts-expect-error count is a number */}
    <choose-image-sheet count="3" />
    {/* @ts-expect-error success carries a ChooseImageResult */}
    <choose-image-sheet onsuccess={(e: CustomEvent<number>) => e.detail} />
  </>
);
