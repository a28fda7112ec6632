// <choose-image-sheet> in React 19's JSX, typed by choose-image-sheet/react.
import type {} from 'choose-image-sheet/react';
import {useRef} from 'react';
import type {ChooseImageSheet, TempFile} from 'choose-image-sheet';

export function Picker({onPicked}: {onPicked: (files: TempFile[]) => void}) {
  const ref = useRef<ChooseImageSheet>(null);
  return (
    <>
      <button onClick={() => ref.current?.show().catch(() => {})}>Choose</button>
      <choose-image-sheet ref={ref} count={3} sizeType={['compressed']} sourceType={['album']} camera="front" onsuccess={e => onPicked(e.detail.tempFiles)} onfail={e => console.log(e.detail.error)} />
    </>
  );
}

export const mistakes = (
  <>
    {/* @ts-expect-error count is a number */}
    <choose-image-sheet count="3" />
    {/* @ts-expect-error not a size type */}
    <choose-image-sheet sizeType={['huge']} />
    {/* @ts-expect-error success carries a ChooseImageResult */}
    <choose-image-sheet onsuccess={(e: CustomEvent<number>) => e.detail} />
  </>
);
