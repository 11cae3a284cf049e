/** A campaign as GET /api/campaigns/:id answers it, and a plan import's draft (GET /api/campaigns/drafts/:id). */
export interface ExtractedField {
  value: unknown;
  status: 'found' | 'uncertain' | 'not-found';
  sources: string[];
  note?: string;
}

export interface CampaignDraftView {
  id: string;
  organizationId: string;
  status: 'open' | 'confirmed';
  sourceKind: string;
  sourceName: string | null;
  draft: { fields: Record<string, ExtractedField>; unmappedForms: Array<{ text: string; source: string }> };
  campaignId: string | null;
}

export interface CampaignView {
  id: string;
  issuingOrganizationId: string;
  issuingOrganization: { id: string; name: string; office: string | null } | null;
  issuingOrganizationName: string;
  planNumber: string | null;
  planDate: string | null;
  title: string;
  period: { from: string; to: string; text: string } | null;
  status: 'active' | 'closed';
  openReview: { kind: string; period: { text: string } } | null;
  version: number;
  reportDuties: Array<{ index: number; reporters: string; recipient: string; dueMonthDay: string; description: string }>;
  [field: string]: unknown;
}

export interface ReportStatusItem {
  organizationId: string;
  organizationName: string;
  status: 'submitted' | 'late' | 'missing' | 'pending';
  submittedOn: string | null;
  report: { id: string; fileName: string; contentUrl: string } | null;
}

export interface ReportStatus {
  campaignId: string;
  year: number;
  today: string;
  counts: { submitted: number; late: number; missing: number; pending: number };
  duties: Array<{ index: number; reporters: string; recipient: string; description: string; dueDate: string; items: ReportStatusItem[] }>;
}
