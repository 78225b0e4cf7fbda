/** A comment of a source file, as directive comments (`eslint-disable-next-line …`) are read from it. */
export interface SourceComment {
  readonly kind: 'line' | 'block';
  /** The text without the comment markers. */
  readonly value: string;
  readonly start: number;
  readonly end: number;
}
