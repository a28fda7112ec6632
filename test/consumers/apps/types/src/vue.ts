// <choose-image-sheet> as Vue's template checker sees it: GlobalComponents, from
// choose-image-sheet/vue (listed in tsconfig's `types`). A template's `:count="3"
// @success="…"` is checked against these props.
import type {GlobalComponents} from 'vue';
import type {TempFile} from 'choose-image-sheet';

type SheetProps = InstanceType<GlobalComponents['choose-image-sheet']>['$props'];

export const props: SheetProps = {
  count: 3,
  sizeType: ['compressed'],
  sourceType: ['camera', 'album'],
  class: 'picker',
  onSuccess: e => console.log(e.detail.tempFiles satisfies TempFile[]),
  onFail: e => console.log(e.detail.error),
};

// @ts-expect-error count is a number
export const wrongCount: SheetProps = {count: '3'};
// @ts-expect-error success carries a ChooseImageResult
export const wrongListener: SheetProps = {onSuccess: (e: CustomEvent<number>) => e.detail};
