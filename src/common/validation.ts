import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { badInput } from './app-error';

const PROBLEMS: Record<string, string> = {
  isString: 'phải là chuỗi ký tự',
  isNotEmpty: 'không được để trống',
  isDefined: 'bắt buộc phải có',
  isIn: 'giá trị không hợp lệ',
  isEnum: 'giá trị không hợp lệ',
  isInt: 'phải là số nguyên',
  min: 'nhỏ hơn giá trị cho phép',
  max: 'lớn hơn giá trị cho phép',
  maxLength: 'dài quá mức cho phép',
  minLength: 'ngắn hơn mức tối thiểu',
  matches: 'không đúng định dạng',
  isISO8601: 'phải là ngày dạng YYYY-MM-DD',
  isDateString: 'phải là ngày dạng YYYY-MM-DD',
  isArray: 'phải là một danh sách',
  arrayNotEmpty: 'không được để trống',
  arrayMaxSize: 'có quá nhiều phần tử',
  isObject: 'phải là một đối tượng',
  isUUID: 'phải là mã định danh (UUID)',
  isBoolean: 'phải là true hoặc false',
  whitelistValidation: 'trường này không được phép',
  nestedValidation: 'phải là một đối tượng hợp lệ',
};

export interface FieldProblem {
  field: string;
  problems: string[];
}

export function describeValidationErrors(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const missing = (error.value === undefined || error.value === null) && error.constraints && !error.constraints.whitelistValidation;
    const own = missing ? ['bắt buộc phải có'] : Object.entries(error.constraints ?? {}).map(([name, english]) => {
      // Vietnamese for the reader; a message written on the decorator itself is already Vietnamese.
      if (/[^\x00-\x7F]/.test(english)) return english;
      return PROBLEMS[name] ?? english;
    });
    const nested = describeValidationErrors(error.children ?? [], field);
    return own.length ? [{ field, problems: own }, ...nested] : nested;
  });
}

export function invalidInput(problems: FieldProblem[]) {
  return badInput(`Dữ liệu không hợp lệ: ${problems.map((p) => `${p.field} ${p.problems.join(', ')}`).join('; ')}`, {
    fields: problems,
  });
}

/** Validates a plain body against a DTO class, answering 400 with every bad field named. */
export function validateBody<T extends object>(cls: new () => T, body: unknown): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badInput('Nội dung yêu cầu phải là một đối tượng JSON');
  }
  const instance = plainToInstance(cls, body);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw invalidInput(describeValidationErrors(errors));
  return instance;
}
