import type { AwardCategory } from '../catalog/types';
import { placeAndDateLine, placeFromOrganizationName } from '../council/minutes-text';
import { countRecipients, groupAnnex, type AnnexNominee, type AnnexSection } from './annex';
import {
  authorityName,
  awardVerb,
  capitalize,
  citationText,
  DECISION_KIND_LABELS,
  expandAbbreviations,
  issuerLines,
  officeName,
  recipientCountText,
  recipientKindsText,
  shortAwardName,
  signatureLines,
  signerPost,
  slashDate,
  upper,
  type DecisionKind,
  type IssuerLine,
  type RecipientCounts,
} from './document-text';

/** What a batch's document is built from: plain data the service reads from the nominations and the rule set. */
export interface DecisionInput {
  kind: DecisionKind;
  /** Số, ký hiệu in full ("12/QĐ-UBND"). */
  number: string;
  /** YYYY-MM-DD. */
  date: string;
  issuer: { name: string; appraisalOfficeName: string | null };
  /**
   * A Tờ trình's addressee: the authority of the next level in full ("Chủ tịch Ủy ban nhân dân tỉnh Lai Châu", see
   * `authorityName`) and the office that receives for it.
   */
  addressee: { authority: string; appraisalOfficeName: string | null } | null;
  award: {
    formName: string;
    category: AwardCategory;
    /** The post that signs at this level ("Chủ tịch UBND xã"). */
    signerTitle: string;
  };
  legalBasis: string[];
  /** The council meetings of this level that approved the nominations (Biên bản số … ngày …). */
  councilMinutes: Array<{ number: string | null; meetingDate: string | null }>;
  /** The trích yếu after "Về việc", when the office words it itself. */
  subject?: string | null;
  signer: { fullName: string; deputy: boolean };
  nominees: Array<AnnexNominee & { achievements?: string | null; awardYear?: number | null }>;
}

export interface DecisionArticle {
  label: string;
  text: string;
}

export interface DecisionAnnex {
  title: string;
  subtitle: string;
  /** "(Kèm theo Quyết định số 12/QĐ-UBND ngày 20/11/2026 của Chủ tịch Ủy ban nhân dân xã Bình Lư)". */
  reference: string;
  sections: AnnexSection[];
  total: number;
}

/** The signed document as text, in the order Nghị định 30/2020/NĐ-CP lays it out; stored with the decision. */
export interface DecisionDocument {
  kind: DecisionKind;
  nationalTitle: string;
  motto: string;
  issuerLines: IssuerLine[];
  number: string;
  placeAndDate: string;
  /** "QUYẾT ĐỊNH" or "TỜ TRÌNH". */
  title: string;
  /** "Về việc tặng Giấy khen cho các tập thể, cá nhân". */
  subject: string;
  /** Decisions: "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BÌNH LƯ" under the title. */
  authority: string | null;
  /** Tờ trình: "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Lai Châu". */
  addressee: string | null;
  bases: string[];
  /** "Xét đề nghị của Phòng Văn hóa – Xã hội." */
  proposal: string | null;
  /** Decisions: "QUYẾT ĐỊNH:" then the articles. */
  decides: string | null;
  articles: DecisionArticle[];
  /** Tờ trình: the body. */
  paragraphs: string[];
  recipients: string[];
  signature: { lines: string[]; fullName: string };
  counts: RecipientCounts & { total: number };
  /** "Giấy khen của Chủ tịch Ủy ban nhân dân xã Bình Lư": the award, with the authority that grants it at this level. */
  awardText: string;
  annex: DecisionAnnex;
  /** The texts of the certificates (decisions only): one per nominee. */
  certificates: Certificate[];
}

/** What a Giấy khen or Bằng khen carries, printed one per page. */
export interface Certificate {
  nominationId: string;
  nationalTitle: string;
  motto: string;
  /** "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BÌNH LƯ". */
  grantor: string;
  /** "TẶNG GIẤY KHEN". */
  heading: string;
  recipient: string;
  /** Post and unit of a person; the locality of a household; empty for a collective. */
  recipientDetail: string;
  citation: string;
  placeAndDate: string;
  /** "Quyết định số 12/QĐ-UBND ngày 20/11/2026". */
  decisionReference: string;
  signature: { lines: string[]; fullName: string };
}

const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;" — each basis of the rule set, then the council's meetings. */
function bases(input: DecisionInput): string[] {
  const minutes = input.councilMinutes.filter((entry) => entry.number || entry.meetingDate);
  const unique = [...new Map(minutes.map((entry) => [`${entry.number}|${entry.meetingDate}`, entry])).values()];
  const meetings = unique
    .map((entry) => [entry.number ? `Biên bản số ${entry.number}` : 'Biên bản', entry.meetingDate ? `ngày ${slashDate(entry.meetingDate)}` : ''].filter(Boolean).join(' '))
    .join('; ');
  return [
    ...input.legalBasis.map((basis) => `Căn cứ ${basis.normalize('NFC').trim().replace(/[.;]+$/u, '')};`),
    ...(meetings ? [`Căn cứ kết quả họp Hội đồng Thi đua – Khen thưởng (${meetings});`] : []),
  ];
}

/** The Quyết định (or the Tờ trình) for a batch of nominations of one form, with its annex and the certificates. */
export function buildDecisionDocument(input: DecisionInput): DecisionDocument {
  const counts = countRecipients(input.nominees);
  const total = input.nominees.length;
  const issuerFull = expandAbbreviations(input.issuer.name);
  const place = placeFromOrganizationName(input.issuer.name);
  const placeAndDate = placeAndDateLine(place, input.date);
  const authority = authorityName(input.award.signerTitle, input.issuer.name);
  const verb = awardVerb(input.award.category);
  const kinds = recipientKindsText(counts);
  const countPhrase = recipientCountText(counts);
  const signature = {
    lines: signatureLines(input.kind, signerPost(input.award.signerTitle), input.signer.deputy, input.issuer.name),
    fullName: input.signer.fullName.normalize('NFC'),
  };
  const sections = groupAnnex(input.nominees);
  const ownSubject = input.subject?.normalize('NFC').trim().replace(/^về việc\s+/iu, '');

  if (input.kind === 'decision') {
    const awardText = input.award.category === 'title' ? shortAwardName(input.award.formName) : `${shortAwardName(input.award.formName)} của ${authority}`;
    const subject = `Về việc ${ownSubject || `${verb} ${shortAwardName(input.award.formName)} cho ${kinds}`}`;
    const reference = `(Kèm theo Quyết định số ${input.number} ngày ${slashDate(input.date)} của ${authority})`;
    const proposer = input.issuer.appraisalOfficeName ? officeName(input.issuer.appraisalOfficeName) : null;
    const document: DecisionDocument = {
      kind: 'decision',
      nationalTitle: NATIONAL_TITLE,
      motto: MOTTO,
      issuerLines: issuerLines(input.issuer.name),
      number: input.number,
      placeAndDate,
      title: upper(DECISION_KIND_LABELS.decision),
      subject,
      authority: upper(authority),
      addressee: null,
      bases: bases(input),
      proposal: proposer ? `Xét đề nghị của ${proposer}.` : null,
      decides: 'QUYẾT ĐỊNH:',
      articles: [
        { label: 'Điều 1.', text: `${capitalize(verb)} ${awardText} cho ${countPhrase} (có danh sách kèm theo), đã có thành tích trong phong trào thi đua.` },
        { label: 'Điều 2.', text: 'Quyết định này có hiệu lực kể từ ngày ký. Tiền thưởng kèm theo thực hiện theo quy định của pháp luật về thi đua, khen thưởng.' },
        {
          label: 'Điều 3.',
          text: `${proposer ? `${proposer}, ` : ''}thủ trưởng các cơ quan, đơn vị có liên quan và ${kinds} có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`,
        },
      ],
      paragraphs: [],
      recipients: ['- Như Điều 3;', '- Lưu: VT.'],
      signature,
      counts: { ...counts, total },
      awardText,
      annex: {
        title: 'DANH SÁCH',
        subtitle: `${capitalize(kinds.replace(/^các /u, ''))} được ${verb} ${awardText}`,
        reference,
        sections,
        total,
      },
      certificates: [],
    };
    document.certificates = input.nominees.map((nominee) => {
      const entry = sections.flatMap((section) => section.units.flatMap((unit) => unit.entries)).find((candidate) => candidate.nominationId === nominee.nominationId)!;
      return {
        nominationId: nominee.nominationId,
        nationalTitle: NATIONAL_TITLE,
        motto: MOTTO,
        grantor: upper(authority),
        heading: upper(`${verb} ${shortAwardName(input.award.formName)}`),
        recipient: entry.name,
        recipientDetail: entry.detail,
        citation: citationText(nominee.achievements, nominee.awardYear),
        placeAndDate,
        decisionReference: `Quyết định số ${input.number} ngày ${slashDate(input.date)}`,
        signature,
      };
    });
    return document;
  }

  const addressee = input.addressee!;
  const addresseeAuthority = addressee.authority.normalize('NFC');
  const awardText = expandAbbreviations(input.award.formName);
  const via = addressee.appraisalOfficeName ? ` (qua ${officeName(addressee.appraisalOfficeName)})` : '';
  return {
    kind: 'submission',
    nationalTitle: NATIONAL_TITLE,
    motto: MOTTO,
    issuerLines: issuerLines(input.issuer.name),
    number: input.number,
    placeAndDate,
    title: upper(DECISION_KIND_LABELS.submission),
    subject: `Về việc ${ownSubject || `đề nghị ${verb} ${awardText}`}`,
    authority: null,
    addressee: `Kính gửi: ${addresseeAuthority}${via}`,
    bases: bases(input),
    proposal: null,
    decides: null,
    articles: [],
    paragraphs: [
      `${issuerFull} kính trình ${addresseeAuthority} xem xét, ${verb} ${awardText} cho ${countPhrase} (có danh sách kèm theo), đã có thành tích trong phong trào thi đua.`,
      `Hồ sơ kèm theo gồm: báo cáo thành tích của ${kinds}; biên bản họp Hội đồng Thi đua – Khen thưởng; danh sách đề nghị khen thưởng.`,
      `${issuerFull} kính trình ${addresseeAuthority} xem xét, quyết định./.`,
    ],
    recipients: ['- Như trên;', '- Lưu: VT.'],
    signature,
    counts: { ...counts, total },
    awardText,
    annex: {
      title: 'DANH SÁCH',
      subtitle: `${capitalize(kinds.replace(/^các /u, ''))} đề nghị ${verb} ${awardText}`,
      reference: `(Kèm theo Tờ trình số ${input.number} ngày ${slashDate(input.date)} của ${issuerFull})`,
      sections,
      total,
    },
    certificates: [],
  };
}
