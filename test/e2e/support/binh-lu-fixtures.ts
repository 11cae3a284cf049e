import { DEMO } from '../../support/test-app';

/**
 * Named people, units and documents of the Bình Lư / Lai Châu demo (data/demo/binh-lu.json) for the e2e tests.
 * Users are looked up in the demo file by organization and role, so a renamed account fails loudly here.
 */

type DemoRole = 'submitter' | 'appraiser' | 'council-secretary' | 'council-member' | 'signer' | 'admin';

function demoUser(organizationKey: string | null, role: DemoRole): string {
  const user = DEMO.users.find((candidate) => candidate.organization === organizationKey && candidate.roles.includes(role));
  if (!user) throw new Error(`The demo data has no ${role} at ${organizationKey}`);
  return user.username;
}

function demoOrganizationName(key: string): string {
  const organization = DEMO.organizations.find((candidate) => candidate.key === key);
  if (!organization) throw new Error(`The demo data has no organization ${key}`);
  return organization.name;
}

/** Proposing units under UBND xã Bình Lư (and one under Văn phòng UBND tỉnh), by their submitter's account. */
export const UNITS = {
  truongTieuHoc: { name: demoOrganizationName('truong-th-binh-lu'), submitter: demoUser('truong-th-binh-lu', 'submitter') },
  banBinhLu: { name: demoOrganizationName('ban-binh-lu'), submitter: demoUser('ban-binh-lu', 'submitter') },
  htxNongNghiep: { name: demoOrganizationName('htx-binh-lu'), submitter: demoUser('htx-binh-lu', 'submitter') },
  congTyChe: { name: demoOrganizationName('cty-che-binh-lu'), submitter: demoUser('cty-che-binh-lu', 'submitter') },
  trungTamDichVu: { name: demoOrganizationName('ttdv-binh-lu'), submitter: demoUser('ttdv-binh-lu', 'submitter') },
  vanPhongUbndTinh: { name: demoOrganizationName('vp-ubnd-tinh'), submitter: demoUser('vp-ubnd-tinh', 'submitter') },
} as const;

/** The offices that run each level of the route. */
export const COMMUNE = {
  name: demoOrganizationName('binh-lu'),
  appraiser: demoUser('binh-lu', 'appraiser'),
  secretary: demoUser('binh-lu', 'council-secretary'),
  councilMember: 'hoidong.binhlu',
  signer: demoUser('binh-lu', 'signer'),
} as const;

export const PROVINCE = {
  name: demoOrganizationName('lai-chau'),
  appraiser: demoUser('lai-chau', 'appraiser'),
  secretary: demoUser('lai-chau', 'council-secretary'),
  signer: demoUser('lai-chau', 'signer'),
} as const;

export const AGENCY = {
  name: demoOrganizationName('vp-ubnd-tinh'),
  appraiser: demoUser('vp-ubnd-tinh', 'appraiser'),
  secretary: demoUser('vp-ubnd-tinh', 'council-secretary'),
  signer: demoUser('vp-ubnd-tinh', 'signer'),
} as const;

export const ADMIN = demoUser(null, 'admin');

/** Nominees: people and collectives of Bình Lư (most from the demo seed). */
export const NOMINEES = {
  loThiHuong: {
    kind: 'individual',
    fullName: 'Lò Thị Hương',
    position: 'Giáo viên',
    unitName: 'Trường Tiểu học Bình Lư',
    category: 'civil-servant',
    dateOfBirth: '1988-05-14',
  },
  luongThiNga: {
    kind: 'individual',
    fullName: 'Lường Thị Nga',
    position: 'Hiệu phó',
    unitName: 'Trường Tiểu học Bình Lư',
    category: 'civil-servant',
  },
  sungAPao: {
    kind: 'individual',
    fullName: 'Sùng A Páo',
    position: 'Viên chức',
    unitName: 'Trung tâm Dịch vụ tổng hợp xã Bình Lư',
    category: 'civil-servant',
  },
  nguyenVanHai: {
    kind: 'individual',
    fullName: 'Nguyễn Văn Hải',
    position: 'Giám đốc',
    unitName: 'Công ty TNHH Chè Bình Lư',
    category: 'entrepreneur',
  },
  deoVanPieng: {
    kind: 'individual',
    fullName: 'Đèo Văn Piêng',
    position: 'Trưởng bản',
    unitName: 'Bản Bình Lư',
    category: 'worker-farmer',
  },
  tongThiXuan: {
    kind: 'individual',
    fullName: 'Tòng Thị Xuân',
    position: 'Giám đốc hợp tác xã',
    unitName: 'Hợp tác xã Nông nghiệp Bình Lư',
    category: 'worker-farmer',
  },
  htxNongNghiep: { kind: 'collective', name: 'Hợp tác xã Nông nghiệp Bình Lư', category: 'cooperative' },
  banBinhLu: { kind: 'collective', name: 'Bản Bình Lư', category: 'village' },
  truongTieuHoc: { kind: 'collective', name: 'Trường Tiểu học Bình Lư', category: 'agency' },
  congTyChe: { kind: 'collective', name: 'Công ty TNHH Chè Bình Lư', category: 'enterprise', taxCode: '6200123456' },
  hoOngTongVanPieng: { kind: 'household', name: 'Hộ ông Tòng Văn Piềng', address: 'Bản Bình Lư' },
} as const;

export type Nominee = (typeof NOMINEES)[keyof typeof NOMINEES];

/**
 * Ten more people of the five units (school, village, cooperative, tea company, service centre, then again), for
 * tests that need many nominees at once: a nominee has one open nomination per form.
 */
export const NEIGHBOURS = [
  { kind: 'individual', fullName: 'Hoàng Văn Quân', position: 'Giáo viên', unitName: 'Trường Tiểu học Bình Lư', category: 'civil-servant' },
  { kind: 'individual', fullName: 'Tòng Văn Khiêm', position: 'Phó trưởng bản', unitName: 'Bản Bình Lư', category: 'worker-farmer' },
  { kind: 'individual', fullName: 'Lò Thị Xiêm', position: 'Xã viên', unitName: 'Hợp tác xã Nông nghiệp Bình Lư', category: 'worker-farmer' },
  { kind: 'individual', fullName: 'Vàng A Chử', position: 'Công nhân chế biến chè', unitName: 'Công ty TNHH Chè Bình Lư', category: 'worker-farmer' },
  { kind: 'individual', fullName: 'Giàng Thị Mỷ', position: 'Viên chức', unitName: 'Trung tâm Dịch vụ tổng hợp xã Bình Lư', category: 'civil-servant' },
  { kind: 'individual', fullName: 'Tẩn Thị Phương', position: 'Giáo viên', unitName: 'Trường Tiểu học Bình Lư', category: 'civil-servant' },
  { kind: 'individual', fullName: 'Lù Văn Tiến', position: 'Bí thư chi bộ bản', unitName: 'Bản Bình Lư', category: 'worker-farmer' },
  { kind: 'individual', fullName: 'Đèo Thị Hoa', position: 'Kế toán hợp tác xã', unitName: 'Hợp tác xã Nông nghiệp Bình Lư', category: 'worker-farmer' },
  { kind: 'individual', fullName: 'Chảo A Sinh', position: 'Tổ trưởng sản xuất', unitName: 'Công ty TNHH Chè Bình Lư', category: 'worker-farmer' },
  { kind: 'individual', fullName: 'Sần Thị Lan', position: 'Viên chức', unitName: 'Trung tâm Dịch vụ tổng hợp xã Bình Lư', category: 'civil-servant' },
] as const;

/** Council sessions: the commune's 9-member HĐTĐKT and the province's 15-member one. */
export const COUNCIL = {
  communeUnanimous: { members: 9, present: 9, yes: 9, no: 0, abstain: 0 },
  communeMajority: { members: 9, present: 8, yes: 6, no: 1, abstain: 1 },
  communeMinority: { members: 9, present: 9, yes: 4, no: 4, abstain: 1 },
  communeNoQuorum: { members: 9, present: 7, yes: 7, no: 0, abstain: 0 },
  provinceMajority: { members: 15, present: 13, yes: 12, no: 1, abstain: 0 },
} as const;

/** Document numbers as the offices write them: a running number, the kind (QĐ, TTr) and the issuer. */
export function documentNumbers(start = 200) {
  let next = start;
  return {
    communeDecision: () => `${next++}/QĐ-UBND`,
    communeSubmission: () => `${next++}/TTr-UBND`,
    provinceDecision: () => `${next++}/QĐ-UBND`,
    provinceSubmission: () => `${next++}/TTr-UBND`,
  };
}

/** Today in Vietnam (UTC+7), the day the service stamps on events. */
export function vietnamToday(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

export function addCalendarDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/** Monday–Friday working days after `date` (the demo rule sets declare no public holidays yet). */
export function addWeekdays(date: string, count: number): string {
  let current = date;
  for (let remaining = count; remaining > 0; ) {
    current = addCalendarDays(current, 1);
    const weekday = new Date(`${current}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) remaining -= 1;
  }
  return current;
}

function isWeekday(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Months in which Vietnam has public holidays or official days off (Tết, Giỗ Tổ Hùng Vương, 30/4–1/5, 2/9, 1/1). */
const MONTHS_WITH_HOLIDAYS = new Set([1, 2, 3, 4, 5, 9]);

/**
 * `dueDate` is `count` working days after `start`. Where the span touches a month with public holidays the exact
 * day depends on the official calendar, so the check there is bounded: a weekday, at least `count` weekdays on,
 * and no more than the longest run of days off (Tết) beyond that. Elsewhere it is exact.
 */
export function expectDueInWorkingDays(dueDate: string | undefined, start: string, count: number): void {
  expect(dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(isWeekday(dueDate!)).toBe(true);
  let weekdays = 0;
  let touchesHolidays = false;
  for (let date = start; date < dueDate!; ) {
    date = addCalendarDays(date, 1);
    if (isWeekday(date)) weekdays += 1;
    if (MONTHS_WITH_HOLIDAYS.has(Number(date.slice(5, 7)))) touchesHolidays = true;
  }
  if (!touchesHolidays) {
    expect(dueDate).toBe(addWeekdays(start, count));
  } else {
    expect(weekdays).toBeGreaterThanOrEqual(count);
    expect(weekdays).toBeLessThanOrEqual(count + 12);
  }
}
