/** A bad catalog entry: names the file, the entry and the field so an administrator can fix the data. */
export class CatalogError extends Error {
  constructor(
    readonly file: string,
    readonly entry: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`Danh mục khen thưởng không hợp lệ — tệp ${file}, mục ${entry}, trường "${field}": ${problem}`);
    this.name = 'CatalogError';
  }
}
