/**
 * One catalogue of error codes, shared by the library, the CLI and the HTTP server.
 * The server maps a code to an HTTP status (`httpStatus`); the CLI prints `input: message`.
 */

export const ERROR_CODES = {
  INPUT_NOT_FOUND: 404,
  INPUT_EMPTY: 422,
  INPUT_BINARY: 415,
  INPUT_ENCODING: 415,
  INPUT_TOO_LARGE: 413,
  INPUT_UNSUPPORTED: 415,
  NO_ARTICLE: 422,
  FEED_MALFORMED: 422,
  JSONL_MALFORMED: 422,
  URL_INVALID: 400,
  URL_FORBIDDEN: 403,
  URL_UNREACHABLE: 502,
  URL_TIMEOUT: 504,
  URL_BAD_STATUS: 502,
  URL_BAD_CONTENT_TYPE: 415,
  URL_TOO_MANY_REDIRECTS: 508,
  BAD_REQUEST: 400,
  BODY_TOO_LARGE: 413,
  NOT_FOUND: 404,
  TOO_FEW_ARTICLES: 422,
  STORE_ERROR: 500,
  DATA_MISSING: 404,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class ParallaxError extends Error {
  readonly code: ErrorCode;
  /** The input this error is about (file path, URL, field), when there is one. */
  readonly input: string | null;

  constructor(code: ErrorCode, message: string, input: string | null = null, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ParallaxError';
    this.code = code;
    this.input = input;
  }

  /** One line for a terminal: `input: message`. */
  toLine(): string {
    return this.input ? `${this.input}: ${this.message}` : this.message;
  }
}

export function httpStatus(code: ErrorCode): number {
  return ERROR_CODES[code];
}

export function isParallaxError(value: unknown): value is ParallaxError {
  return value instanceof ParallaxError;
}
