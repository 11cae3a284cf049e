import {
  authorityName,
  buildDecisionDocument,
  citationText,
  countRecipients,
  documentSymbol,
  fullDocumentNumber,
  groupAnnex,
  issuerAbbreviation,
  issuerLines,
  recipientCountText,
  signatureLines,
  type AnnexNominee,
  type DecisionInput,
} from '../../workflows/decisions';

const SCHOOL = 'Trường Tiểu học Bình Lư';
const COOPERATIVE = 'Hợp tác xã Nông nghiệp Bình Lư';
const VILLAGE = 'Bản Bình Lư';

const person = (nominationId: string, name: string, position: string, proposingUnit: string): AnnexNominee => ({
  nominationId,
  kind: 'individual',
  name,
  position,
  unitName: proposingUnit,
  proposingUnit,
});
const collective = (nominationId: string, name: string): AnnexNominee => ({ nominationId, kind: 'collective', name, proposingUnit: name });

/** An office's list, as the signer gave it: people and collectives of three units, interleaved. */
const LIST: AnnexNominee[] = [
  person('n1', 'Lò Thị Hương', 'Giáo viên', SCHOOL),
  person('n2', 'Tòng Thị Xuân', 'Giám đốc hợp tác xã', COOPERATIVE),
  collective('n3', COOPERATIVE),
  person('n4', 'Hoàng Văn Quân', 'Giáo viên', SCHOOL),
  { nominationId: 'n5', kind: 'household', name: 'Hộ ông Tòng Văn Piềng', address: 'Bản Bình Lư', proposingUnit: VILLAGE },
  collective('n6', VILLAGE),
  person('n7', 'Đèo Văn Piêng', 'Trưởng bản', VILLAGE),
  person('n8', 'Lường Thị Nga', 'Hiệu phó', SCHOOL),
];

describe('the annex (danh sách kèm theo)', () => {
  const sections = groupAnnex(LIST);

  it('lists collectives, then individuals, then households, each section numbered I, II, III', () => {
    expect(sections.map((section) => [section.numeral, section.title, section.count])).toEqual([
      ['I', 'TẬP THỂ', 2],
      ['II', 'CÁ NHÂN', 5],
      ['III', 'HỘ GIA ĐÌNH', 1],
    ]);
  });

  it('groups each section by proposing unit in the order units first appear, numbering 1… through the section', () => {
    const individuals = sections[1];
    expect(individuals.units.map((unit) => unit.unit)).toEqual([SCHOOL, COOPERATIVE, VILLAGE]);
    expect(individuals.units.map((unit) => unit.entries.map((entry) => [entry.seq, entry.name]))).toEqual([
      [
        [1, 'Lò Thị Hương'],
        [2, 'Hoàng Văn Quân'],
        [3, 'Lường Thị Nga'],
      ],
      [[4, 'Tòng Thị Xuân']],
      [[5, 'Đèo Văn Piêng']],
    ]);
    expect(individuals.units[0].entries[0].detail).toBe('Giáo viên, Trường Tiểu học Bình Lư');
    expect(sections[0].units.flatMap((unit) => unit.entries.map((entry) => [entry.seq, entry.name, entry.detail]))).toEqual([
      [1, COOPERATIVE, ''],
      [2, VILLAGE, ''],
    ]);
    expect(sections[2].units[0].entries[0].detail).toBe('Bản Bình Lư');
  });

  it('numbers only the sections that have someone', () => {
    const people = groupAnnex(LIST.filter((nominee) => nominee.kind === 'individual'));
    expect(people.map((section) => [section.numeral, section.title])).toEqual([['I', 'CÁ NHÂN']]);
    expect(groupAnnex([])).toEqual([]);
  });
});

describe('the text of administrative documents', () => {
  it('writes counts with a leading zero below ten, joined as Vietnamese lists are', () => {
    expect(recipientCountText(countRecipients(LIST))).toBe('02 tập thể, 05 cá nhân và 01 hộ gia đình');
    expect(recipientCountText({ collectives: 5, individuals: 15, households: 0 })).toBe('05 tập thể và 15 cá nhân');
    expect(recipientCountText({ collectives: 0, individuals: 12, households: 0 })).toBe('12 cá nhân');
  });

  it('builds the ký hiệu from the kind and the issuer, and completes a bare number with it', () => {
    expect(documentSymbol('decision', 'UBND xã Bình Lư')).toBe('QĐ-UBND');
    expect(documentSymbol('submission', 'UBND xã Bình Lư')).toBe('TTr-UBND');
    expect(issuerAbbreviation('Văn phòng UBND tỉnh Lai Châu')).toBe('VP');
    expect(issuerAbbreviation('Sở Nội vụ tỉnh Lai Châu')).toBe('SNV');
    expect(fullDocumentNumber('12', 'QĐ-UBND')).toBe('12/QĐ-UBND');
    expect(fullDocumentNumber(' 215/QĐ-UBND ', 'QĐ-UBND')).toBe('215/QĐ-UBND');
  });

  it('heads the document with the issuing body', () => {
    expect(issuerLines('UBND xã Bình Lư')).toEqual([
      { text: 'ỦY BAN NHÂN DÂN', bold: true },
      { text: 'XÃ BÌNH LƯ', bold: true },
    ]);
    expect(issuerLines('Văn phòng UBND tỉnh Lai Châu')).toEqual([
      { text: 'ỦY BAN NHÂN DÂN TỈNH LAI CHÂU', bold: false },
      { text: 'VĂN PHÒNG', bold: true },
    ]);
  });

  it('names the authority in full and signs as the head or for the head', () => {
    expect(authorityName('Chủ tịch UBND xã', 'UBND xã Bình Lư')).toBe('Chủ tịch Ủy ban nhân dân xã Bình Lư');
    expect(authorityName('Chủ tịch UBND tỉnh', 'UBND tỉnh Lai Châu')).toBe('Chủ tịch Ủy ban nhân dân tỉnh Lai Châu');
    expect(signatureLines('decision', 'Chủ tịch', false, 'UBND xã Bình Lư')).toEqual(['CHỦ TỊCH']);
    expect(signatureLines('decision', 'Chủ tịch', true, 'UBND xã Bình Lư')).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    expect(signatureLines('submission', 'Chủ tịch', false, 'UBND xã Bình Lư')).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
  });

  it('turns the achievements into the certificate line', () => {
    expect(citationText('Hoàn thành xuất sắc nhiệm vụ năm học 2025–2026; tích cực ứng dụng chuyển đổi số trong dạy học.', 2026)).toBe(
      'Đã có thành tích hoàn thành xuất sắc nhiệm vụ năm học 2025–2026; tích cực ứng dụng chuyển đổi số trong dạy học.',
    );
    expect(citationText('UBND xã ghi nhận đóng góp xây dựng nông thôn mới', 2026)).toBe('Đã có thành tích UBND xã ghi nhận đóng góp xây dựng nông thôn mới.');
    expect(citationText('đã có thành tích xuất sắc', 2026)).toBe('Đã có thành tích xuất sắc.');
    expect(citationText(null, 2026)).toBe('Đã có thành tích trong phong trào thi đua năm 2026.');
  });
});

const BASE: DecisionInput = {
  kind: 'decision',
  number: '12/QĐ-UBND',
  date: '2026-11-20',
  issuer: { name: 'UBND xã Bình Lư', appraisalOfficeName: 'Phòng Văn hóa – Xã hội' },
  addressee: null,
  award: { formName: 'Giấy khen của Chủ tịch UBND xã', category: 'form', signerTitle: 'Chủ tịch UBND xã' },
  legalBasis: ['Luật Thi đua, khen thưởng số 06/2022/QH15', 'Nghị định số 152/2025/NĐ-CP'],
  councilMinutes: [
    { number: '05/BB-HĐTĐKT', meetingDate: '2026-11-10' },
    { number: '05/BB-HĐTĐKT', meetingDate: '2026-11-10' },
  ],
  signer: { fullName: 'Trần Thanh Tuấn', deputy: false },
  nominees: LIST.map((nominee) => ({ ...nominee, achievements: 'Hoàn thành xuất sắc nhiệm vụ năm 2026', awardYear: 2026 })),
};

describe('the Quyết định', () => {
  const document = buildDecisionDocument(BASE);

  it('follows Nghị định 30/2020/NĐ-CP: number, place and date, title, authority, bases, articles', () => {
    expect(document).toMatchObject({
      number: '12/QĐ-UBND',
      placeAndDate: 'Bình Lư, ngày 20 tháng 11 năm 2026',
      title: 'QUYẾT ĐỊNH',
      subject: 'Về việc tặng Giấy khen cho các tập thể, cá nhân và hộ gia đình',
      authority: 'CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BÌNH LƯ',
      proposal: 'Xét đề nghị của Phòng Văn hóa – Xã hội.',
      decides: 'QUYẾT ĐỊNH:',
      signature: { lines: ['CHỦ TỊCH'], fullName: 'Trần Thanh Tuấn' },
    });
    expect(document.bases).toEqual([
      'Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;',
      'Căn cứ Nghị định số 152/2025/NĐ-CP;',
      'Căn cứ kết quả họp Hội đồng Thi đua – Khen thưởng (Biên bản số 05/BB-HĐTĐKT ngày 10/11/2026);',
    ]);
    expect(document.articles.map((article) => article.label)).toEqual(['Điều 1.', 'Điều 2.', 'Điều 3.']);
    expect(document.articles[0].text).toBe(
      'Tặng Giấy khen của Chủ tịch Ủy ban nhân dân xã Bình Lư cho 02 tập thể, 05 cá nhân và 01 hộ gia đình (có danh sách kèm theo), đã có thành tích trong phong trào thi đua.',
    );
    expect(document.annex.reference).toBe('(Kèm theo Quyết định số 12/QĐ-UBND ngày 20/11/2026 của Chủ tịch Ủy ban nhân dân xã Bình Lư)');
    expect(document.annex.total).toBe(8);
  });

  it('keeps the trích yếu the office wrote', () => {
    expect(buildDecisionDocument({ ...BASE, subject: 'Về việc tặng Giấy khen cho các tập thể, cá nhân tiêu biểu năm 2026' }).subject).toBe(
      'Về việc tặng Giấy khen cho các tập thể, cá nhân tiêu biểu năm 2026',
    );
  });

  it('gives one certificate per nominee, in the list order', () => {
    expect(document.certificates.map((certificate) => certificate.nominationId)).toEqual(LIST.map((nominee) => nominee.nominationId));
    expect(document.certificates[0]).toMatchObject({
      grantor: 'CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BÌNH LƯ',
      heading: 'TẶNG GIẤY KHEN',
      recipient: 'Lò Thị Hương',
      recipientDetail: 'Giáo viên, Trường Tiểu học Bình Lư',
      citation: 'Đã có thành tích hoàn thành xuất sắc nhiệm vụ năm 2026.',
      decisionReference: 'Quyết định số 12/QĐ-UBND ngày 20/11/2026',
    });
  });

  it('confers a danh hiệu rather than giving it', () => {
    const title = buildDecisionDocument({ ...BASE, award: { formName: 'Lao động tiên tiến', category: 'title', signerTitle: 'Chủ tịch UBND xã' } });
    expect(title.subject).toBe('Về việc công nhận danh hiệu Lao động tiên tiến cho các tập thể, cá nhân và hộ gia đình');
    expect(title.certificates[0].heading).toBe('CÔNG NHẬN DANH HIỆU LAO ĐỘNG TIÊN TIẾN');
  });
});

describe('the Tờ trình', () => {
  const document = buildDecisionDocument({
    ...BASE,
    kind: 'submission',
    number: '15/TTr-UBND',
    addressee: { authority: 'Chủ tịch Ủy ban nhân dân tỉnh Lai Châu', appraisalOfficeName: 'Sở Nội vụ (Ban Thi đua – Khen thưởng)' },
    award: { formName: 'Bằng khen của Chủ tịch UBND tỉnh', category: 'form', signerTitle: 'Chủ tịch UBND xã' },
  });

  it('is addressed to the upper level and asks it to grant the award', () => {
    expect(document).toMatchObject({
      title: 'TỜ TRÌNH',
      subject: 'Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
      addressee: 'Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Lai Châu (qua Sở Nội vụ)',
      authority: null,
      articles: [],
      certificates: [],
      signature: { lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'] },
    });
    expect(document.paragraphs[0]).toBe(
      'Ủy ban nhân dân xã Bình Lư kính trình Chủ tịch Ủy ban nhân dân tỉnh Lai Châu xem xét, tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 02 tập thể, 05 cá nhân và 01 hộ gia đình (có danh sách kèm theo), đã có thành tích trong phong trào thi đua.',
    );
    expect(document.annex.reference).toBe('(Kèm theo Tờ trình số 15/TTr-UBND ngày 20/11/2026 của Ủy ban nhân dân xã Bình Lư)');
  });
});
