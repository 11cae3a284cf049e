import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { DOSSIER_FILES } from '../support/dossier-files';
import { councilSessions } from '../e2e/support/council-sessions';
import { COMMUNE, NOMINEES, UNITS } from '../e2e/support/binh-lu-fixtures';
import { startBrowserApp, type BrowserApp } from './support/browser-app';

/**
 * One Lao động tiên tiến dossier for Lò Thị Hương (Trường Tiểu học Bình Lư) through the real pages, each person in
 * their own browser context: the school drafts it, uploads its documents (one by drag and drop) and submits; the
 * commune's Phòng Văn hóa – Xã hội accepts it and asks for a supplement; the school answers; the office passes it;
 * the council secretary schedules and opens a session where three members vote by secret ballot; the chair signs
 * the decision; the school sees it awarded on its timeline. Screenshots of the main pages go to docs/screenshots/.
 */
jest.setTimeout(120_000);

const NOMINEE = NOMINEES.loThiHuong.fullName;
const SCHOOL = UNITS.truongTieuHoc.submitter;
/** A plan of UBND xã Bình Lư as its office received it (../shared/plans). */
const PLAN = resolve(__dirname, '..', '..', '..', 'shared', 'plans', 'binh-lu-2026-doi-moi-sang-tao.txt');

let b: BrowserApp;
let nominationId = '';
let sessionUrl = '';

let failures = 0;

/** Waits for the element; on a timeout, saves what the page showed (the path is in the error) and fails. */
async function visible(locator: Locator): Promise<Locator> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: 15_000 });
  } catch (error) {
    const path = join(tmpdir(), `tdkt-browser-failure-${process.pid}-${++failures}.png`);
    await locator.page().screenshot({ path, fullPage: true }).catch(() => undefined);
    throw new Error(`${(error as Error).message}\nThe page as it was: ${path}`);
  }
  return locator.first();
}

async function stateIs(page: Page, label: string): Promise<void> {
  await visible(page.locator('.page-head-status .badge', { hasText: label }));
}

async function openDossier(page: Page): Promise<void> {
  await page.goto(`${b.baseUrl}/ho-so/${nominationId}`);
  await visible(page.getByRole('heading', { level: 1, name: NOMINEE }));
}

/** Opens the step's form from its button and confirms it (optionally filling fields first). */
async function sendStep(page: Page, label: string, fill: (form: Locator) => Promise<void> = async () => undefined): Promise<void> {
  await page.getByRole('group', { name: 'Thao tác được phép' }).getByRole('button', { name: label, exact: true }).click();
  const form = await visible(page.getByRole('form', { name: label }));
  await fill(form);
  await form.getByRole('button', { name: `Xác nhận: ${label}` }).click();
}

function pdf(title: string): Buffer {
  return DOSSIER_FILES.pdf(title, [`Hồ sơ đề nghị danh hiệu Lao động tiên tiến năm 2026 — ${NOMINEE}`]);
}

beforeAll(async () => {
  b = await startBrowserApp();
  // The commune's council of three (the chair, the secretary, a member): councils are set up by the administrator.
  await councilSessions(b.t).communeCouncil(3, '2026-01-01');
}, 90_000);

afterAll(async () => {
  await b?.close();
});

afterEach(() => {
  expect(b.pageErrors).toEqual([]);
});

describe('a nomination through the web pages', () => {
  it('refuses a wrong password on the sign-in page, in words', async () => {
    const context = await b.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${b.baseUrl}/`);
    await page.getByLabel('Tên đăng nhập').fill(SCHOOL);
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await visible(page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng' }));
    await b.screenshot(page, '01-dang-nhap');
    expect(await page.getByLabel('Tên đăng nhập').inputValue()).toBe(SCHOOL);
    await context.close();
  });

  it('lets the school draft the nomination, upload its documents and submit it', async () => {
    const page = await b.signedIn(SCHOOL);
    await b.screenshot(page, '02-trang-chu-don-vi');
    await page.getByRole('navigation').getByRole('link', { name: 'Lập hồ sơ' }).click();
    await page.getByLabel('Tìm trong danh sách đối tượng của đơn vị').fill(NOMINEE);
    await (await visible(page.getByRole('button', { name: new RegExp(NOMINEE) }))).click();
    // Only the forms the registry says she may get this year are offered.
    const lao = await visible(page.getByRole('radio', { name: /Lao động tiên tiến/ }));
    expect(await page.getByRole('radio', { name: /Chiến sĩ thi đua cơ sở/ }).count()).toBe(0);
    await lao.check();
    await page.getByLabel('Tóm tắt thành tích').fill('Hoàn thành tốt nhiệm vụ năm học 2025–2026; chủ nhiệm lớp 4A đạt danh hiệu lớp tiên tiến.');
    await b.screenshot(page, '03-lap-ho-so');
    await page.getByRole('button', { name: 'Lập hồ sơ (nháp)' }).click();
    await visible(page.getByRole('heading', { level: 1, name: NOMINEE }));
    await stateIs(page, 'Đang soạn hồ sơ');
    nominationId = new URL(page.url()).pathname.split('/').pop()!;
    expect(nominationId).toMatch(/^[0-9a-f-]{36}$/);

    // A text file is refused by the API, in words, and nothing is uploaded.
    const upload = page.getByRole('form', { name: 'Tải lên tài liệu' });
    await page.locator('#upload-file').setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('Ghi chú thành tích', 'utf8') });
    await upload.getByRole('button', { name: 'Tải lên' }).click();
    await visible(upload.getByRole('alert').filter({ hasText: 'Chưa tải lên được' }));

    // The Tờ trình by drag and drop onto the drop zone.
    expect(await page.getByLabel('Loại tài liệu').inputValue()).toBe('submission|commune');
    // Runs in the page (the root tsconfig has no DOM types, hence the window seen as plain constructors).
    const dataTransfer = await page.evaluateHandle((bytes: number[]) => {
      const window = globalThis as unknown as {
        DataTransfer: new () => { items: { add: (file: unknown) => void } };
        File: new (parts: unknown[], name: string, options: { type: string }) => unknown;
      };
      const transfer = new window.DataTransfer();
      transfer.items.add(new window.File([new Uint8Array(bytes)], 'Tờ trình đề nghị khen thưởng - Lò Thị Hương.pdf', { type: 'application/pdf' }));
      return transfer;
    }, [...pdf('Tờ trình đề nghị khen thưởng')]);
    await page.dispatchEvent('.dropzone', 'drop', { dataTransfer });
    await visible(page.locator('.dropzone', { hasText: 'Tờ trình đề nghị khen thưởng - Lò Thị Hương.pdf' }));
    await upload.getByRole('button', { name: 'Tải lên' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Đã tải lên “Tờ trình đề nghị khen thưởng - Lò Thị Hương.pdf”' }));

    // The achievement report by choosing the file.
    expect(await page.getByLabel('Loại tài liệu').inputValue()).toBe('achievement-report|commune');
    await page.locator('#upload-file').setInputFiles({ name: 'Báo cáo thành tích - Lò Thị Hương.pdf', mimeType: 'application/pdf', buffer: pdf('Báo cáo thành tích') });
    await upload.getByRole('button', { name: 'Tải lên' }).click();
    await visible(page.locator('#documents').getByRole('button', { name: 'Báo cáo thành tích - Lò Thị Hương.pdf' }));
    await visible(page.locator('#documents').getByRole('button', { name: 'Tờ trình đề nghị khen thưởng - Lò Thị Hương.pdf' }));
    expect(await page.locator('.checklist li.present').count()).toBe(2);
    await b.screenshot(page, '04-ho-so-nhap-tai-lieu');

    await sendStep(page, 'Gửi hồ sơ');
    await stateIs(page, 'Chờ tiếp nhận hồ sơ (cấp xã)');
    await visible(page.locator('.timeline li', { hasText: 'Gửi hồ sơ' }));
  });

  it('lets the office take it up and ask for a supplement, keeping what was typed when refused', async () => {
    const page = await b.signedIn(COMMUNE.appraiser);
    await b.screenshot(page, '05-trang-chu-tham-dinh');
    await page.getByRole('navigation').getByRole('link', { name: 'Hồ sơ', exact: true }).click();
    await visible(page.getByRole('link', { name: NOMINEE }));
    await b.screenshot(page, '06-danh-sach-ho-so');
    const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải danh sách (XLSX)' }).click()]);
    expect(exported.suggestedFilename()).toMatch(/^Danh sách hồ sơ đề nghị khen thưởng.*\.xlsx$/);
    await page.getByRole('button', { name: 'Bảng theo trạng thái' }).click();
    await visible(page.getByRole('region', { name: 'Chờ tiếp nhận hồ sơ (cấp xã)' }).getByRole('link', { name: NOMINEE }));
    await b.screenshot(page, '07-bang-trang-thai');
    await page.getByRole('region', { name: 'Chờ tiếp nhận hồ sơ (cấp xã)' }).getByRole('link', { name: NOMINEE }).click();
    await visible(page.getByRole('heading', { level: 1, name: NOMINEE }));

    await sendStep(page, 'Tiếp nhận hồ sơ');
    await stateIs(page, 'Đang thẩm định hồ sơ (cấp xã)');

    const reason = 'Báo cáo thành tích chưa có xác nhận của Hiệu trưởng';
    await sendStep(page, 'Yêu cầu bổ sung', async (form) => {
      await form.getByLabel('Lý do yêu cầu bổ sung').fill(reason);
      await form.getByLabel('Nội dung cần bổ sung').fill('Báo cáo thành tích có chữ ký, đóng dấu của Hiệu trưởng');
      await form.getByLabel('Hạn bổ sung').fill('2026-01-05');
    });
    const form = page.getByRole('form', { name: 'Yêu cầu bổ sung' });
    await visible(form.getByRole('alert').filter({ hasText: 'Thời hạn bổ sung không được trước ngày yêu cầu' }));
    expect(await form.getByLabel('Lý do yêu cầu bổ sung').inputValue()).toBe(reason);
    await stateIs(page, 'Đang thẩm định hồ sơ (cấp xã)');

    await form.getByLabel('Hạn bổ sung').fill('');
    await form.getByRole('button', { name: 'Xác nhận: Yêu cầu bổ sung' }).click();
    await stateIs(page, 'Yêu cầu bổ sung hồ sơ (cấp xã)');
  });

  it('lets the school answer the supplement request with a new version of its report', async () => {
    const page = await b.signedIn(SCHOOL);
    await openDossier(page);
    await visible(page.getByRole('note').filter({ hasText: 'Báo cáo thành tích chưa có xác nhận của Hiệu trưởng' }));
    await page.getByLabel('Loại tài liệu').selectOption('achievement-report|commune');
    await page.locator('#upload-file').setInputFiles({ name: 'Báo cáo thành tích (có xác nhận) - Lò Thị Hương.pdf', mimeType: 'application/pdf', buffer: pdf('Báo cáo thành tích có xác nhận của Hiệu trưởng') });
    await page.getByRole('form', { name: 'Tải lên tài liệu' }).getByRole('button', { name: 'Tải lên' }).click();
    await visible(page.locator('#documents').getByRole('button', { name: 'Báo cáo thành tích (có xác nhận) - Lò Thị Hương.pdf' }));
    await b.screenshot(page, '08-yeu-cau-bo-sung');
    await sendStep(page, 'Nộp bổ sung', (form) => form.getByLabel('Ghi chú khi nộp bổ sung').fill('Đã bổ sung báo cáo thành tích có xác nhận của Hiệu trưởng'));
    await stateIs(page, 'Đang thẩm định hồ sơ (cấp xã)');
  });

  it('lets the office pass the appraisal', async () => {
    const page = await b.signedIn(COMMUNE.appraiser);
    await openDossier(page);
    await sendStep(page, 'Thẩm định đạt', (form) => form.getByLabel('Ý kiến thẩm định').fill('Hồ sơ đầy đủ, đạt tiêu chuẩn'));
    await stateIs(page, 'Chờ Hội đồng Thi đua – Khen thưởng xét (cấp xã)');
  });

  it('runs a council session where several members vote by secret ballot', async () => {
    const secretary = await b.signedIn(COMMUNE.secretary);
    await secretary.getByRole('navigation').getByRole('link', { name: 'Phiên họp' }).click();
    const newSession = secretary.getByRole('form', { name: 'Lập phiên họp mới' });
    await (await visible(newSession.getByRole('checkbox', { name: new RegExp(NOMINEE) }))).check();
    await newSession.getByLabel('Địa điểm').fill('Hội trường UBND xã Bình Lư');
    await newSession.getByRole('button', { name: 'Lập phiên họp' }).click();
    await visible(secretary.getByRole('heading', { name: 'Điểm danh và khai mạc phiên họp' }));
    sessionUrl = secretary.url();
    await secretary.getByRole('form', { name: 'Điểm danh' }).getByRole('button', { name: 'Khai mạc phiên họp' }).click();
    await visible(secretary.getByText('đủ điều kiện tiến hành họp'));

    const ballots: Array<[Page, string]> = [
      [secretary, 'Đồng ý'],
      [await b.signedIn(COMMUNE.councilMember), 'Đồng ý'],
      [await b.signedIn(COMMUNE.signer), 'Không đồng ý'],
    ];
    for (const [page, choice] of ballots) {
      if (page !== secretary) await page.goto(sessionUrl);
      const ballot = await visible(page.getByRole('form', { name: new RegExp(`Phiếu biểu quyết: ${NOMINEE}`) }));
      if (page === ballots[1][0]) await b.screenshot(page, '09-phieu-bieu-quyet');
      await ballot.getByRole('radio', { name: choice, exact: true }).check();
      await ballot.getByRole('button', { name: 'Bỏ phiếu' }).click();
      await visible(page.getByRole('status').filter({ hasText: 'Bạn đã bỏ phiếu cho hồ sơ này' }));
    }

    await secretary.reload();
    await visible(secretary.getByText('Đã bỏ phiếu: 3/3 thành viên'));
    await secretary.getByRole('form', { name: 'Kết thúc phiên họp' }).getByRole('button', { name: 'Kết thúc phiên họp' }).click();
    const result = await visible(secretary.locator('.table.result'));
    expect(await result.textContent()).toContain('Đồng ý2');
    expect(await result.textContent()).toContain('Không đồng ý1');
    await b.screenshot(secretary, '10-ket-qua-phien-hop');
    const [download] = await Promise.all([secretary.waitForEvent('download'), secretary.getByRole('button', { name: 'Tải Biên bản họp Hội đồng (DOCX)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
  });

  it('lets the chair sign the decision', async () => {
    const page = await b.signedIn(COMMUNE.signer);
    await page.getByRole('navigation').getByRole('link', { name: 'Chờ ký' }).click();
    const batch = await visible(page.getByRole('form', { name: 'Quyết định khen thưởng: Lao động tiên tiến' }));
    expect(await batch.getByRole('checkbox', { name: new RegExp(NOMINEE) }).isChecked()).toBe(true);
    await batch.getByLabel('Số văn bản').fill('125/QĐ-UBND');
    await b.screenshot(page, '11-cho-ky');
    await batch.getByRole('button', { name: 'Ký Quyết định cho 1 hồ sơ' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'số 125/QĐ-UBND cho 1 hồ sơ' }));
    const signed = await visible(page.locator('#decisions li', { hasText: '125/QĐ-UBND' }));
    const [download] = await Promise.all([page.waitForEvent('download'), signed.getByRole('button', { name: /^Tải Quyết định/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/125.*\.docx$/);
    await b.screenshot(page, '12-van-ban-da-ky');
  });

  it('shows the school its nomination awarded on the timeline, on a phone too', async () => {
    const page = await b.signedIn(SCHOOL);
    await openDossier(page);
    await stateIs(page, 'Đã được khen thưởng');
    await visible(page.locator('.timeline li.current', { hasText: 'Hiện tại: Đã được khen thưởng' }));
    await visible(page.getByText('Văn bản đã ký: 125/QĐ-UBND'));
    await visible(page.locator('.diagram-canvas svg rect[data-current="true"]'));
    await b.screenshot(page, '13-ho-so-da-khen-thuong');

    const phone = await b.signedIn(SCHOOL, { viewport: { width: 390, height: 844 } });
    await openDossier(phone);
    await stateIs(phone, 'Đã được khen thưởng');
    await b.screenshot(phone, '14-dien-thoai-ho-so', { fullPage: false });
    // On a phone the navigation folds behind its button.
    expect(await phone.getByRole('navigation').getByRole('link', { name: 'Lập hồ sơ' }).isVisible()).toBe(false);
    await phone.getByRole('button', { name: 'Danh mục' }).click();
    await visible(phone.getByRole('navigation').getByRole('link', { name: 'Lập hồ sơ' }));
  });

  it('imports a campaign plan showing the sentence behind each field, then follows who has reported', async () => {
    const office = await b.signedIn(COMMUNE.appraiser);
    await office.getByRole('navigation').getByRole('link', { name: 'Phong trào' }).click();
    await office.locator('#plan-file').setInputFiles(PLAN);
    await office.getByRole('button', { name: 'Đọc kế hoạch' }).click();
    await visible(office.getByRole('heading', { level: 1, name: 'Kiểm tra và xác nhận phong trào' }));
    await visible(office.locator('#draft-legalBasis blockquote', { hasText: 'Kế hoạch số 3076/KH-UBND ngày 23/4/2026 của UBND tỉnh Lai Châu' }));
    await visible(office.locator('#draft-planNumber .badge', { hasText: 'Kế hoạch không nêu' }));
    await office.getByRole('textbox', { name: 'Số kế hoạch' }).fill('15/KH-UBND');
    await office.locator('#draft-legalBasis').scrollIntoViewIfNeeded();
    await b.screenshot(office, '16-kiem-tra-ke-hoach', { fullPage: false });
    await office.getByRole('button', { name: 'Xác nhận thành phong trào thi đua' }).click();
    await visible(office.getByRole('heading', { level: 1, name: /Đổi mới sáng tạo/ }));
    const campaignUrl = office.url();
    await office.getByLabel('Năm báo cáo').fill('2026');
    const school = (page: Page) => page.locator('#reports tr', { hasText: UNITS.truongTieuHoc.name });
    await visible(school(office).getByText('Chưa gửi, đã quá hạn'));

    const unit = await b.signedIn(SCHOOL);
    await unit.goto(campaignUrl);
    await unit.getByLabel('Năm báo cáo').fill('2026');
    await unit.locator('#report-file').setInputFiles({ name: 'Báo cáo phong trào năm 2026 - Trường Tiểu học Bình Lư.pdf', mimeType: 'application/pdf', buffer: pdf('Báo cáo kết quả phong trào thi đua năm 2026') });
    await unit.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await visible(unit.getByRole('status').filter({ hasText: 'Đã gửi báo cáo.' }));
    await visible(school(unit).getByText('Gửi muộn'));

    await office.reload();
    await office.getByLabel('Năm báo cáo').fill('2026');
    await visible(school(office).getByText('Gửi muộn'));
    await b.screenshot(office, '17-bao-cao-phong-trao');
  });

  it('draws the office its dashboard: charts of its dossiers and the workflow diagram of each form', async () => {
    const page = await b.signedIn(COMMUNE.appraiser);
    await page.getByRole('navigation').getByRole('link', { name: 'Thống kê' }).click();
    const byForm = await visible(page.getByRole('img', { name: /^Số hồ sơ theo hình thức khen thưởng: .*Lao động tiên tiến 2 hồ sơ/ }));
    expect(await byForm.locator('rect').count()).toBeGreaterThan(1);
    await visible(page.getByRole('img', { name: /^Số hồ sơ theo trạng thái: .*Đã được khen thưởng/ }));
    await page.getByLabel('Hình thức khen thưởng', { exact: true }).selectOption('lao-dong-tien-tien');
    await visible(page.locator('#diagrams svg text', { hasText: 'commune.councilReview' }));
    await b.screenshot(page, '15-thong-ke');
  });
});
