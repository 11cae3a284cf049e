/**
 * Text conventions of administrative documents (Nghị định 30/2020/NĐ-CP) used by the minutes: the place and date
 * line, shares of votes as people read them.
 */

/** "UBND xã Bình Lư" → "Bình Lư"; "Văn phòng UBND tỉnh Lai Châu" → "Lai Châu": the địa danh of the date line. */
export function placeFromOrganizationName(name: string): string {
  const match = name.normalize('NFC').match(/(?:xã|phường|thị trấn|đặc khu|tỉnh|thành phố)\s+(.+)$/iu);
  return (match ? match[1] : name).trim();
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * "Bình Lư, ngày 05 tháng 01 năm 2026": a day below 10 and the months 1 and 2 take a leading zero (Nghị định
 * 30/2020/NĐ-CP, Phụ lục I); the other months do not ("ngày 10 tháng 11 năm 2026").
 */
export function placeAndDateLine(place: string, isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const monthText = month <= 2 ? twoDigits(month) : String(month);
  return `${place}, ngày ${twoDigits(day)} tháng ${monthText} năm ${year}`;
}

/** The share of all members voting yes, for the minutes: "88,89%", "80%", "100%" (two decimals, rounded half up). */
export function sharePercentText(yes: number, members: number): string {
  if (members <= 0) return '0%';
  const hundredths = Math.floor((yes * 10000 * 2 + members) / (2 * members));
  const whole = Math.floor(hundredths / 100);
  const fraction = hundredths % 100;
  return fraction === 0 ? `${whole}%` : `${whole},${twoDigits(fraction)}%`;
}
