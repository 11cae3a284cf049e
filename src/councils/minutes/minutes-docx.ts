import type { CouncilMinutes, MinutesItemResult, MinutesPerson } from './council-minutes';
import { docxPackage, paragraph, table, TEXT_WIDTH, type Cell } from './wordprocessing';

/**
 * The two documents of a session in the layout of Nghị định 30/2020/NĐ-CP (Phụ lục I): the header table (issuing
 * body and number on the left; quốc hiệu, tiêu ngữ, place and date on the right), the title, the body, and the
 * signature blocks of the secretary and the chair.
 */

const LEFT = 3800;
const RIGHT = TEXT_WIDTH - LEFT;

const cell = (width: number, ...content: string[]): Cell => ({ width, content });
const centered = (text: string, bold = false, size = 13, italic = false) => paragraph({ text, style: { bold, italic, size } }, { align: 'center', after: 0 });

function header(minutes: CouncilMinutes, number: string | null): string {
  return table(
    [
      [
        cell(LEFT, centered(minutes.parentAuthority, false, 13), centered(minutes.issuer, true, 13), paragraph('', { rule: true, ruleIndent: 1100, after: 0 })),
        cell(RIGHT, centered(minutes.nationalTitle, true, 13), centered(minutes.motto, true, 14), paragraph('', { rule: true, ruleIndent: 1500, after: 0 })),
      ],
      [cell(LEFT, centered(`Số: ${number ?? '……'}`, false, 13)), cell(RIGHT, centered(minutes.placeAndDate, false, 14, true))],
    ],
    { borders: false },
  );
}

function title(main: string, subtitle: string): string {
  return [
    paragraph({ text: main, style: { bold: true, size: 14 } }, { align: 'center', before: 12, after: 0 }),
    paragraph({ text: subtitle, style: { bold: true, size: 14 } }, { align: 'center', after: 12 }),
  ].join('');
}

const body = (text: string) => paragraph(text, { align: 'both', firstLine: 1 });
const heading = (text: string) => paragraph({ text, style: { bold: true } }, { align: 'both', before: 6, keepNext: true });

function people(list: MinutesPerson[]): string {
  return list.map((person, index) => body(`${index + 1}. ${person.fullName} – ${person.positionLabel}`)).join('');
}

function signatures(minutes: CouncilMinutes): string {
  const block = (signature: { title: string; fullName: string }) => [
    centered(signature.title, true, 14),
    centered('(Ký, ghi rõ họ tên)', false, 13, true),
    paragraph('', { after: 24 }),
    paragraph('', { after: 24 }),
    centered(signature.fullName, true, 14),
  ];
  const half = Math.floor(TEXT_WIDTH / 2);
  return table([[cell(half, ...block(minutes.signatures.left)), cell(TEXT_WIDTH - half, ...block(minutes.signatures.right))]], { borders: false });
}

const num = (value: number) => String(value);

function resultsTable(results: MinutesItemResult[], kind: 'meeting' | 'tally'): string {
  const columns: Array<{ title: string; width: number; value: (item: MinutesItemResult) => string }> =
    kind === 'meeting'
      ? [
          { title: 'STT', width: 500, value: (item) => num(item.seq) },
          { title: 'Họ và tên / Tập thể', width: 2100, value: (item) => item.title },
          { title: 'Hình thức', width: 1500, value: (item) => item.formName ?? '' },
          { title: 'Đồng ý', width: 800, value: (item) => num(item.counts.yes) },
          { title: 'Không đồng ý', width: 900, value: (item) => num(item.counts.no) },
          { title: 'Phiếu trắng', width: 800, value: (item) => num(item.counts.abstain) },
          { title: 'Tỷ lệ đồng ý / tổng số thành viên', width: 1255, value: (item) => item.yesShareOfAllMembers },
          { title: 'Kết quả', width: TEXT_WIDTH - 7855, value: (item) => item.outcomeLabel },
        ]
      : [
          { title: 'STT', width: 500, value: (item) => num(item.seq) },
          { title: 'Họ và tên / Tập thể', width: 2000, value: (item) => item.title },
          { title: 'Phiếu phát ra', width: 850, value: (item) => num(item.eligibleVoters) },
          { title: 'Phiếu thu vào', width: 850, value: (item) => num(item.ballotsReturned) },
          { title: 'Đồng ý', width: 800, value: (item) => num(item.counts.yes) },
          { title: 'Không đồng ý', width: 900, value: (item) => num(item.counts.no) },
          { title: 'Phiếu trắng', width: 800, value: (item) => num(item.counts.abstain) },
          { title: 'Tỷ lệ đồng ý / tổng số thành viên', width: 1255, value: (item) => item.yesShareOfAllMembers },
          { title: 'Kết quả', width: TEXT_WIDTH - 7955, value: (item) => item.outcomeLabel },
        ];
  const small = (text: string, bold = false) => paragraph({ text, style: { bold, size: 12 } }, { align: 'center', after: 0 });
  const rows = [
    columns.map((column) => cell(column.width, small(column.title, true))),
    ...results.map((item) => columns.map((column) => cell(column.width, small(column.value(item))))),
  ];
  return table(rows, { borders: true, header: true });
}

function recusalLines(results: MinutesItemResult[]): string {
  return results
    .filter((item) => item.recused.length)
    .map((item) => body(`Không tham gia biểu quyết đối với ${item.title}: ${item.recused.map((person) => `${person.fullName} (${person.reasonLabel})`).join('; ')}.`))
    .join('');
}

function attendanceLines(minutes: CouncilMinutes): string {
  const { members, quorum } = minutes;
  return [
    body(
      `Tổng số thành viên ${minutes.kind === 'council' ? 'Hội đồng' : 'bỏ phiếu'}: ${members.total}; có mặt: ${members.present.length}; vắng mặt có phiếu biểu quyết bằng văn bản: ${members.absentWithWrittenVote.length}; vắng mặt: ${members.absent.length}. Tỷ lệ có mặt tối thiểu theo quy định: ${quorum.minPresentPercent}% tổng số thành viên.`,
    ),
    members.present.length ? body('Thành viên có mặt:') + people(members.present) : '',
    members.absentWithWrittenVote.length ? body('Thành viên vắng mặt, có phiếu biểu quyết bằng văn bản:') + people(members.absentWithWrittenVote) : '',
    members.absent.length ? body('Thành viên vắng mặt:') + people(members.absent) : '',
  ].join('');
}

/** Biên bản họp Hội đồng (or of the block's election). */
export function meetingMinutesDocx(minutes: CouncilMinutes): Buffer {
  const parts = [
    header(minutes, minutes.number),
    title(minutes.title, minutes.subtitle),
    body(`Thời gian: ${minutes.placeAndDate.replace(/^.*?, /, '')}${onMeetingDay(minutes, minutes.openedAt) ? `, khai mạc lúc ${clock(minutes.openedAt!)}` : ''}. Địa điểm: ${minutes.organizationName}.`),
    heading('I. THÀNH PHẦN THAM DỰ'),
    attendanceLines(minutes),
    heading('II. NỘI DUNG'),
    body(`${minutes.sessionTitle}. Chương trình gồm ${minutes.agenda.length} nội dung:`),
    ...minutes.agenda.map((item) => body(`${item.seq}. ${item.title}${item.formName ? ` – đề nghị ${item.formName}` : ''} (${item.ruleText}).`)),
    heading('III. KẾT QUẢ BIỂU QUYẾT'),
    minutes.results.length ? resultsTable(minutes.results, 'meeting') + recusalLines(minutes.results) : '',
    body(minutes.conclusion),
    body(`Phiên họp kết thúc${onMeetingDay(minutes, minutes.closedAt) ? ` lúc ${clock(minutes.closedAt!)}` : ''}. Biên bản được lập thành 02 bản, lưu hồ sơ khen thưởng.`),
    signatures(minutes),
  ];
  return docxPackage(parts.join(''), { title: `${minutes.title} ${minutes.subtitle}`, author: minutes.issuer, at: minutes.closedAt ?? minutes.openedAt ?? `${minutes.meetingDate}T00:00:00.000Z` });
}

/** Biên bản kiểm phiếu: ballots issued and returned, yes, no and abstain for each item, and the share of all members. */
export function tallySheetDocx(minutes: CouncilMinutes): Buffer {
  const parts = [
    header(minutes, minutes.tallySheetNumber),
    title('BIÊN BẢN KIỂM PHIẾU', minutes.subtitle.replace(/^Họp /, '')),
    body(`Thời gian: ${minutes.placeAndDate.replace(/^.*?, /, '')}. Địa điểm: ${minutes.organizationName}.`),
    heading('I. SỐ THÀNH VIÊN'),
    attendanceLines(minutes),
    heading('II. KẾT QUẢ KIỂM PHIẾU (bỏ phiếu kín)'),
    resultsTable(minutes.results, 'tally'),
    recusalLines(minutes.results),
    body(minutes.conclusion),
    signatures(minutes),
  ];
  return docxPackage(parts.join(''), { title: `BIÊN BẢN KIỂM PHIẾU ${minutes.subtitle}`, author: minutes.issuer, at: minutes.closedAt ?? `${minutes.meetingDate}T00:00:00.000Z` });
}

/** A time of day is printed only when it fell on the meeting day (a session recorded later shows its date alone). */
function onMeetingDay(minutes: CouncilMinutes, iso: string | null): boolean {
  return !!iso && new Date(new Date(iso).getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10) === minutes.meetingDate;
}

/** "14 giờ 05 phút" in Vietnam time. */
function clock(iso: string): string {
  const local = new Date(new Date(iso).getTime() + 7 * 3600 * 1000);
  return `${String(local.getUTCHours()).padStart(2, '0')} giờ ${String(local.getUTCMinutes()).padStart(2, '0')} phút`;
}
