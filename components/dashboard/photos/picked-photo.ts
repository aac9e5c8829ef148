/** A library photo as the story editor receives it from the picker. */
export interface PickedPhoto {
  id: string;
  /** The largest WebP derivative up to article width. */
  src: string;
  /** Every WebP derivative, "url 640w, …". */
  srcSet: string;
  width: number;
  height: number;
  caption: string | null;
  credit: string | null;
  altText: string | null;
}
