import type { RunReport } from '../results/results.js';

export interface FormatterOptions {
  /** ANSI colors; the CLI turns them on for a TTY. Only `stylish` uses them. */
  readonly color?: boolean;
  /** Paths are shown relative to this directory; default `report.cwd`. */
  readonly cwd?: string;
  /**
   * Prefix that turns a relative path into a browsable URL (markdown links), e.g.
   * `https://github.com/o/r/blob/<sha>/`. Without it, markdown shows paths as plain code.
   */
  readonly fileUrlBase?: string;
}

export type Formatter = (report: RunReport, options?: FormatterOptions) => string;
