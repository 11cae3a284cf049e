/** The API as the pages use it: one fetch wrapper that turns every error answer into words a person can read. */

export interface FieldProblem {
  field: string;
  problems: string[];
}

/** An error of the API's one shape `{statusCode, error, code, message, details}`, or of the network. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string | null = null,
    readonly details: Record<string, unknown> | null = null,
  ) {
    super(message);
  }

  get fields(): FieldProblem[] {
    const fields = this.details?.fields;
    return Array.isArray(fields) ? (fields as FieldProblem[]).filter((entry) => entry && typeof entry.field === 'string') : [];
  }

  /** The problems the API named for one field (for the message under that input). */
  problemsOf(field: string): string[] {
    return this.fields.filter((entry) => entry.field === field || entry.field.startsWith(`${field}.`)).flatMap((entry) => entry.problems ?? []);
  }
}

const STATUS_WORDS: Record<number, string> = {
  0: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại; dữ liệu bạn đã nhập vẫn còn trên trang.',
  401: 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.',
  403: 'Bạn không có quyền thực hiện thao tác này.',
  404: 'Không tìm thấy dữ liệu được yêu cầu.',
  413: 'Tệp quá lớn so với giới hạn cho phép.',
  415: 'Định dạng tệp không được chấp nhận (chỉ PDF, DOCX, XLSX, JPEG, PNG).',
  500: 'Máy chủ gặp lỗi ngoài dự kiến. Vui lòng thử lại sau.',
};

function errorFrom(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string') {
    const shaped = body as { message: string; code?: string; details?: Record<string, unknown> };
    return new ApiError(status, shaped.message, shaped.code ?? null, shaped.details ?? null);
  }
  return new ApiError(status, STATUS_WORDS[status] ?? `Máy chủ trả lời mã ${status}.`);
}

const TOKEN_KEY = 'tdkt.accessToken';
let onUnauthorized: (() => void) | null = null;

export const session = {
  token: () => localStorage.getItem(TOKEN_KEY),
  save: (token: string) => localStorage.setItem(TOKEN_KEY, token),
  clear: () => localStorage.removeItem(TOKEN_KEY),
  /** Called when the API answers 401 to a signed-in call: the token has expired. */
  onUnauthorized: (handler: () => void) => {
    onUnauthorized = handler;
  },
};

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const token = session.token();
  return { Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...extra };
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function call<T>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: headers(body === undefined ? extraHeaders : { 'Content-Type': 'application/json', ...extraHeaders }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, STATUS_WORDS[0]);
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text && (response.headers.get('content-type') ?? '').includes('json')) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!response.ok) {
    if (response.status === 401 && session.token() && path !== '/api/auth/login') onUnauthorized?.();
    throw errorFrom(response.status, parsed);
  }
  return (parsed === undefined ? text : parsed) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => call<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body: unknown = {}, extraHeaders?: Record<string, string>) => call<T>('POST', path, body, extraHeaders),
  put: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown, extraHeaders?: Record<string, string>) => call<T>('PATCH', path, body, extraHeaders),
  delete: <T>(path: string) => call<T>('DELETE', path),

  /** A file the API serves behind the bearer token (a dossier document, the minutes), saved under its own name. */
  async download(path: string, fallbackName: string): Promise<void> {
    let response: Response;
    try {
      response = await fetch(path, { headers: headers({ Accept: '*/*' }) });
    } catch {
      throw new ApiError(0, STATUS_WORDS[0]);
    }
    if (!response.ok) {
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      throw errorFrom(response.status, parsed);
    }
    const blob = await response.blob();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = fileNameOf(response.headers.get('content-disposition')) ?? fallbackName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  },

  /** multipart upload with progress (fetch cannot report upload progress; XMLHttpRequest can). */
  upload<T>(path: string, form: FormData, onProgress: (fraction: number) => void, extraHeaders: Record<string, string> = {}): Promise<T> {
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open('POST', path);
      for (const [name, value] of Object.entries(headers(extraHeaders))) request.setRequestHeader(name, value);
      request.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress(event.loaded / event.total);
      };
      request.onerror = () => reject(new ApiError(0, STATUS_WORDS[0]));
      request.onload = () => {
        let parsed: unknown;
        try {
          parsed = request.responseText ? JSON.parse(request.responseText) : undefined;
        } catch {
          parsed = undefined;
        }
        if (request.status >= 200 && request.status < 300) {
          onProgress(1);
          resolve(parsed as T);
        } else {
          if (request.status === 401) onUnauthorized?.();
          reject(errorFrom(request.status, parsed));
        }
      };
      request.send(form);
    });
  },
};

/** The name in `Content-Disposition` (`filename*=UTF-8''…` first, as the API sends Vietnamese names). */
function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      return null;
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : null;
}

export function errorOf(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, error instanceof Error ? error.message : String(error));
}
