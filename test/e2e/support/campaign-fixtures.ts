import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addCalendarDays, vietnamToday } from './binh-lu-fixtures';

/** The three campaign plans of UBND xã Bình Lư (../shared/plans), as their offices wrote them. */
export const PLANS_DIR = join(__dirname, '..', '..', '..', '..', 'shared', 'plans');

export const PLAN_FILES = {
  kinhTeXaHoi: 'binh-lu-2026-kinh-te-xa-hoi.txt',
  doanhNghiep: 'binh-lu-2026-doanh-nghiep.txt',
  doiMoiSangTao: 'binh-lu-2026-doi-moi-sang-tao.txt',
} as const;

export function planText(file: string): string {
  return readFileSync(join(PLANS_DIR, file), 'utf8');
}

/** MM-DD of a date, for a report duty's yearly due day. */
export const monthDay = (date: string) => date.slice(5);

/**
 * The Đổi mới sáng tạo plan of Bình Lư (Kế hoạch triển khai Phong trào thi đua “Đổi mới sáng tạo, phát triển khoa
 * học, công nghệ, chuyển đổi số, chuyển đổi xanh”) as a campaign definition, in its own words. Its sơ kết and tổng
 * kết are moved around today so that a test decides, on any day it runs, which review is open: the mid-term review
 * from 10 days ago to 30 days ahead, the final one a year on.
 */
export function doiMoiSangTaoCampaign(today = vietnamToday()) {
  const year = Number(today.slice(0, 4));
  return {
    issuingOrganizationName: 'Ủy ban nhân dân xã Bình Lư',
    planNumber: null,
    planDate: null,
    title:
      'Kế hoạch triển khai, thực hiện Phong trào thi đua “Đổi mới sáng tạo, phát triển khoa học, công nghệ, chuyển đổi số, chuyển đổi xanh” trên địa bàn xã Bình Lư',
    legalBasis: [
      {
        text: 'Kế hoạch số 3076/KH-UBND ngày 23/4/2026 của UBND tỉnh Lai Châu về triển khai, thực hiện Phong trào thi đua “Đổi mới sáng tạo, phát triển khoa học, công nghệ, chuyển đổi số, chuyển đổi xanh” trên địa bàn tỉnh Lai Châu',
        documentNumber: '3076/KH-UBND',
        date: '2026-04-23',
      },
    ],
    period: { from: `${year}-01-01`, to: `${year + 4}-12-31`, text: `từ năm ${year} đến năm ${year + 4}` },
    phases: [
      { name: 'Giai đoạn 1', period: { from: `${year}-01-01`, to: `${year + 1}-12-31`, text: `từ ${year} - ${year + 1}` } },
      { name: 'Giai đoạn 2', period: { from: `${year + 2}-01-01`, to: `${year + 4}-12-31`, text: `từ ${year + 2} - ${year + 4}` } },
    ],
    reviews: [
      {
        kind: 'midterm',
        period: { from: addCalendarDays(today, -10), to: addCalendarDays(today, 30), text: 'Sơ kết Phong trào thi đua' },
        allowedFormCodes: ['bang-khen-thu-tuong', 'giay-khen-chu-tich-xa'],
      },
      {
        kind: 'final',
        period: { from: addCalendarDays(today, 365), to: addCalendarDays(today, 400), text: 'Tổng kết Phong trào thi đua' },
        allowedFormCodes: [
          'huan-chuong-lao-dong-hang-ba',
          'co-thi-dua-chinh-phu',
          'bang-khen-thu-tuong',
          'co-thi-dua-tinh',
          'bang-khen-chu-tich-tinh',
          'giay-khen-chu-tich-xa',
        ],
      },
    ],
    criteria: [
      {
        nomineeCategory: 'collective',
        text: 'Thực hiện có chất lượng, hiệu quả việc chuyển đổi số, ứng dụng khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi xanh trong hoạt động của cơ quan, đơn vị, góp phần nâng cao hiệu lực, hiệu quả quản lý nhà nước trên các lĩnh vực, bảo đảm quốc phòng, an ninh.',
      },
      {
        nomineeCategory: 'individual',
        text: 'Cán bộ, công chức, viên chức nỗ lực, có sáng kiến, giải pháp sáng tạo trong việc xây dựng, ban hành hoặc trình cấp có thẩm quyền ban hành, tổ chức thực hiện, kiểm tra, hướng dẫn việc thực hiện cơ chế, chính sách, quy định, thủ tục hành chính.',
      },
    ],
    responsibleOffices: [
      {
        name: 'Phòng Văn hóa – Xã hội',
        duties: 'Tham mưu cho UBND xã tiến hành sơ kết Phong trào thi đua vào năm 2027, tổng kết Phong trào thi đua vào năm 2030 bằng hình thức phù hợp.',
      },
    ],
    reportDuties: [
      {
        reporters: 'các cơ quan, ban, ngành đoàn thể, các bản, HTX, doanh nghiệp',
        recipient: 'UBND xã (qua Phòng Văn hóa – Xã hội)',
        dueMonthDay: '11-10',
        description: 'Định kỳ hằng năm báo cáo tình hình triển khai thực hiện Phong trào thi đua trước ngày 10/11 hằng năm.',
      },
    ],
  };
}
