/**
 * A comment of a source file, as directive comments (`eslint-disable-next-line …`) are read from
 * it, or a Bicep pragma (`#disable-next-line no-ultra-ssd // why`), which suppresses like one.
 */
export interface SourceComment {
  readonly kind: 'line' | 'block' | 'pragma';
  /** The text without the comment markers; a pragma's from after its `#` to the end of its line. */
  readonly value: string;
  readonly start: number;
  readonly end: number;
}
